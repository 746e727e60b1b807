package uk.alluris.records.entries;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.alluris.kit.paging.Paging;
import uk.alluris.kit.problem.ProblemException;
import uk.alluris.kit.security.CurrentCaller;
import uk.alluris.records.audit.AuditedRead;
import uk.alluris.records.audit.ReadAudit;
import uk.alluris.records.entries.EntryViews.EntryView;
import uk.alluris.records.keys.FieldCipher;
import uk.alluris.records.subjects.ClinicalSubject;
import uk.alluris.records.subjects.SubjectRegister;

/**
 * Clinical records: clinicians write and read them; what is written is encrypted under the subject's own key before
 * it is stored. Every read is audited; reading a restricted person's records needs a reason.
 */
@RestController
@RequestMapping("/api/records")
class EntryController {

    private static final ZoneId CLINIC = ZoneId.of("Europe/London");

    static final String BATCH = "[A-Za-z0-9][A-Za-z0-9./-]{0,39}";

    /**
     * Why an entry can no longer say a photo may be used in marketing: the flag was set without looking at the consent
     * ledger. A photo's marketing use is chosen on the photo itself, where every use is checked against the ledger.
     */
    static final String RETIRED_MARKETING_USE = "marketingUse: retired; choose a photo's marketing use with PUT "
            + "/api/records/photos/{photoId}/use, which is checked against the consent ledger";

    record SubjectView(
            @Schema(description = "The person's subject id", example = "c3f9a1d2-5b7e-4c8a-9f10-2d4e6b8a0c11")
            String subjectId,
            @Schema(description = "Date of birth (ISO 8601 date); null when never given", example = "1988-04-17")
            LocalDate dateOfBirth,
            @Schema(description = "The day (Europe/London) of the person's latest entry, photo, signed form or "
                    + "questionnaire: retention counts from it", example = "2026-11-27") LocalDate lastEntryOn,
            @Schema(description = "Whether processing is restricted (on request, or held until the retention date after "
                    + "an erasure request): every read then needs a stated reason", example = "false") boolean restricted,
            @Schema(description = "When erasure was asked while the records must still be kept: the day (ISO 8601 date) "
                    + "they will be erased; null otherwise", example = "2034-11-27") LocalDate erasureDueOn,
            @Schema(description = "The person's clinical entries, oldest first, each with its addenda (empty once the "
                    + "records were erased)", example = EntryViews.ENTRIES_EXAMPLE) List<EntryView> entries) {
    }

    private final ClinicalEntries entries;
    private final SubjectRegister register;
    private final FieldCipher cipher;
    private final ReadAudit audit;
    private final EntryViews views;

    EntryController(ClinicalEntries entries, SubjectRegister register, FieldCipher cipher, ReadAudit audit,
            EntryViews views) {
        this.entries = entries;
        this.register = register;
        this.cipher = cipher;
        this.audit = audit;
        this.views = views;
    }

    @Operation(summary = "Record a clinical entry", description = "Writes one clinical entry about the person named by "
            + "subjectId or email, starting their record if this service has not met them; fields, notes and third "
            + "parties are encrypted under the person's own key. Clinicians only. A restricted person's record still "
            + "takes entries (care goes on); an erased person's is closed (409), so new records need a new subject.")
    @PostMapping("/entries")
    @ResponseStatus(HttpStatus.CREATED)
    EntryView record(@Valid @RequestBody NewEntry body) {
        if ((body.subjectId() == null || body.subjectId().isBlank()) && (body.email() == null || body.email().isBlank())) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Who is this about?", "give subjectId or email");
        }
        if (Boolean.TRUE.equals(body.marketingUse())) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid input", RETIRED_MARKETING_USE);
        }
        if (body.batchNumbers() != null && !body.batchNumbers().isEmpty() && body.kind() != EntryKind.TREATMENT) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid input",
                    "batchNumbers: only a TREATMENT entry records product batches");
        }
        ClinicalSubject subject = register.forEntry(blankToNull(body.subjectId()), body.email(), body.phone(),
                body.dateOfBirth(), body.recordedAt().atZoneSameInstant(CLINIC).toLocalDate());
        UUID id = UUID.randomUUID();
        String thirdParties = body.thirdParties() == null || body.thirdParties().isEmpty() ? null
                : EntryViews.json(body.thirdParties().stream().map(String::strip).toList());
        ClinicalEntry entry = ClinicalEntry.of(id, subject.id(), body.kind(), body.recordedAt().toInstant(),
                cipher.encrypt(subject.id(), id.toString(), "fields", EntryViews.json(body.fields())),
                cipher.encrypt(subject.id(), id.toString(), "notes", body.notes()),
                cipher.encrypt(subject.id(), id.toString(), "thirdParties", thirdParties), reader()).usingBatches(body.batchNumbers() == null ? null
                        : body.batchNumbers().stream().map(batch -> batch.strip().toUpperCase()).distinct().toList());
        return views.view(entries.save(entry), subject);
    }

    @Operation(summary = "Read a clinical entry", description = "One entry exactly as written, decrypted, with its "
            + "addenda in order. Clinicians, and the privacy officer with a reason (?reason=); every read is recorded in "
            + "the person's read audit. A restricted person's entry needs a reason from clinicians too (403 without "
            + "one); an erased person's entries are gone (404).")
    @GetMapping("/entries/{id}")
    EntryView one(@PathVariable UUID id, @RequestParam(required = false) String reason) {
        ClinicalEntry entry = entries.findById(id).orElseThrow(() -> ProblemException.notFound("clinical entry " + id));
        ClinicalSubject subject = register.find(entry.subjectId()).orElseThrow();
        audit.beforeReading(subject, "entry", id, reader(), reason);
        return views.view(entry, subject);
    }

    @Operation(summary = "Read a person's clinical record", description = "The person's record: date of birth, "
            + "retention dates, whether processing is restricted, and every entry with its addenda. Clinicians, and the "
            + "privacy officer with a reason (?reason=); the read is audited. A restricted person's record needs a reason "
            + "from clinicians too (403 without one); an erased person's shows no entries.")
    @GetMapping("/subjects/{subjectId}")
    SubjectView subject(@PathVariable String subjectId, @RequestParam(required = false) String reason) {
        ClinicalSubject subject = register.find(subjectId)
                .orElseThrow(() -> ProblemException.notFound("subject " + subjectId));
        audit.beforeReading(subject, "subject", null, reader(), reason);
        return new SubjectView(subject.id(), subject.dateOfBirth(), subject.lastEntryOn(), audit.isRestricted(subject),
                subject.erasureDueOn(), entries.findBySubjectIdOrderByRecordedAtAsc(subjectId).stream()
                        .map(entry -> views.view(entry, subject)).toList());
    }

    /** Who read a person's records, what, when and why: for the privacy officer and the person's clinician. */
    @Operation(summary = "List who read a person's records", description = "Every recorded read of the person's "
            + "clinical data, oldest first: who, what, when and why; paged with page and size (at most 200). "
            + "Clinicians and the privacy officer. The log is kept as long as the records and erased with them.")
    @GetMapping("/subjects/{subjectId}/read-audit")
    List<AuditedRead> readAudit(@PathVariable String subjectId, Paging paging) {
        return paging.of(audit.readsOf(subjectId));
    }

    static String reader() {
        return CurrentCaller.get().map(CurrentCaller::subject).orElse("unknown");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
