package uk.alluris.records.entries;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.alluris.kit.problem.ProblemException;
import uk.alluris.records.entries.EntryViews.AddendumView;
import uk.alluris.records.keys.FieldCipher;
import uk.alluris.records.subjects.ClinicalSubject;
import uk.alluris.records.subjects.SubjectRegister;

/**
 * A clinical entry is never edited: a clinician corrects it by an addendum that says why, and both stay readable.
 * Clinicians only (the access rules); an erased subject's entries are gone and cannot be amended.
 */
@RestController
class AmendingEntries {

    /** {@code reason}: why the entry needed correcting; {@code notes} and/or {@code fields}: the correction. */
    record Correction(
            @Schema(description = "Why the entry needs correcting (1 to 2,000 characters); stored encrypted",
                    example = "Units mistyped") @NotBlank @Size(max = 2000) String reason,
            @Schema(description = "The correction in words (at most 20,000 characters); give notes, fields or both",
                    example = "12 units, not 20.") @Size(max = 20000) String notes,
            @Schema(description = "Corrected structured details as a JSON object; give notes, fields or both",
                    example = "{\"units\": 12}") Map<String, Object> fields) {
    }

    private final ClinicalEntries entries;
    private final Addenda addenda;
    private final SubjectRegister register;
    private final FieldCipher cipher;
    private final EntryViews views;
    private final Clock clock;

    AmendingEntries(ClinicalEntries entries, Addenda addenda, SubjectRegister register, FieldCipher cipher,
            EntryViews views, Clock clock) {
        this.entries = entries;
        this.addenda = addenda;
        this.register = register;
        this.cipher = cipher;
        this.views = views;
        this.clock = clock;
    }

    @Operation(summary = "Amend a clinical entry", description = "Adds an addendum that corrects an entry and says why; "
            + "the entry itself stays exactly as written and both are read together. Reason, notes and fields are "
            + "encrypted under the person's key. Clinicians only. A restricted person's entries can still be corrected; "
            + "an erased person's are gone (404).")
    @PostMapping("/api/records/entries/{entryId}/addenda")
    @ResponseStatus(HttpStatus.CREATED)
    AddendumView amend(@PathVariable UUID entryId, @Valid @RequestBody Correction body) {
        if ((body.notes() == null || body.notes().isBlank()) && (body.fields() == null || body.fields().isEmpty())) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid input",
                    "notes or fields: an addendum must say what the correction is");
        }
        ClinicalEntry entry = entries.findById(entryId)
                .orElseThrow(() -> ProblemException.notFound("clinical entry " + entryId));
        ClinicalSubject subject = register.find(entry.subjectId()).orElseThrow();
        String subjectId = subject.id();
        UUID id = UUID.randomUUID();
        Addendum addendum = new Addendum(id, entryId, subjectId,
                cipher.encrypt(subjectId, id.toString(), "reason", body.reason().strip()),
                cipher.encrypt(subjectId, id.toString(), "notes", body.notes()),
                cipher.encrypt(subjectId, id.toString(), "fields", EntryViews.json(body.fields())),
                EntryController.reader(), clock.instant());
        return views.view(addenda.insert(addendum));
    }
}
