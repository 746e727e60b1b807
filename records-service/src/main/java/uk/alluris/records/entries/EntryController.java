package uk.alluris.records.entries;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
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

    /**
     * {@code batchNumbers}: treatments only, the product batches used (letters, digits, '-', '/', '.').
     * {@code marketingUse}: retired (see {@link #RETIRED_MARKETING_USE}); read only to refuse {@code true}.
     */
    record NewEntry(String subjectId, @Email @Size(max = 320) String email, @Size(max = 40) String phone,
            @Past LocalDate dateOfBirth, @NotNull EntryKind kind, @NotNull @PastOrPresent OffsetDateTime recordedAt,
            Map<String, Object> fields, @Size(max = 20000) String notes, Boolean marketingUse,
            @Size(max = 20) List<@NotBlank @Size(max = 200) String> thirdParties,
            @Size(max = 20) List<@NotBlank @Pattern(regexp = BATCH) String> batchNumbers) {
    }

    static final String BATCH = "[A-Za-z0-9][A-Za-z0-9./-]{0,39}";

    /**
     * Why an entry can no longer say a photo may be used in marketing: the flag was set without looking at the consent
     * ledger. A photo's marketing use is chosen on the photo itself, where every use is checked against the ledger.
     */
    static final String RETIRED_MARKETING_USE = "marketingUse: retired; choose a photo's marketing use with PUT "
            + "/api/records/photos/{photoId}/use, which is checked against the consent ledger";

    record SubjectView(String subjectId, LocalDate dateOfBirth, LocalDate lastEntryOn, boolean restricted,
            LocalDate erasureDueOn, List<EntryView> entries) {
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

    @GetMapping("/entries/{id}")
    EntryView one(@PathVariable UUID id, @RequestParam(required = false) String reason) {
        ClinicalEntry entry = entries.findById(id).orElseThrow(() -> ProblemException.notFound("clinical entry " + id));
        ClinicalSubject subject = register.find(entry.subjectId()).orElseThrow();
        audit.beforeReading(subject, "entry", id, reader(), reason);
        return views.view(entry, subject);
    }

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
