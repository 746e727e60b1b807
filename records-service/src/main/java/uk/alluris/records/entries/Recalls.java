package uk.alluris.records.entries;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.alluris.records.audit.ReadAudit;
import uk.alluris.records.subjects.ClinicalSubject;
import uk.alluris.records.subjects.SubjectRegister;

/**
 * A manufacturer's recall: every client treated from a product batch, so the clinic can contact them (their contact
 * details live in booking, by subject id). Clinicians and admins only (the access rules), always with a stated reason
 * (the recall notice), and the search is recorded in each person's read log. A restricted person is listed too —
 * their safety is the reason the records are kept — and shown as restricted; an erased one is not: nothing is left.
 */
@RestController
class Recalls {

    record Treated(
            @Schema(description = "The treated person's subject id (booking holds their contact details under it)",
                    example = "c3f9a1d2-5b7e-4c8a-9f10-2d4e6b8a0c11") String subjectId,
            @Schema(description = "The TREATMENT entry that used the batch",
                    example = "5b0e8f3a-2c47-4d19-8e6a-91f2c7d4b3e0")
            UUID entryId,
            @Schema(description = "When the treatment took place (ISO 8601 instant, UTC)",
                    example = "2026-06-12T11:00:00Z")
            Instant treatedAt,
            @Schema(description = "Whether the person's processing is restricted: listed anyway, since their safety is "
                    + "why the records are kept; contact them only for the recall", example = "false")
            boolean restricted) {
    }

    record Recall(
            @Schema(description = "The batch number searched, upper-case", example = "LOT-24A117") String batch,
            @Schema(description = "How many different people were treated from the batch", example = "3") int clients,
            @Schema(description = "Every treatment from the batch, oldest first",
                    example = "[{\"subjectId\": \"c3f9a1d2-5b7e-4c8a-9f10-2d4e6b8a0c11\", "
                            + "\"entryId\": \"5b0e8f3a-2c47-4d19-8e6a-91f2c7d4b3e0\", "
                            + "\"treatedAt\": \"2026-06-12T11:00:00Z\", \"restricted\": false}]")
            List<Treated> treatments) {
    }

    private final ClinicalEntries entries;
    private final SubjectRegister register;
    private final ReadAudit audit;

    Recalls(ClinicalEntries entries, SubjectRegister register, ReadAudit audit) {
        this.entries = entries;
        this.register = register;
        this.audit = audit;
    }

    @Operation(summary = "Find everyone treated from a product batch", description = "For a manufacturer's recall: every "
            + "TREATMENT entry that used the batch, with each person's subject id and whether they are restricted. "
            + "Clinicians and admins, always with a reason (the recall notice, at most 500 characters), recorded in "
            + "each listed person's read audit. Restricted people are listed (their safety comes first); erased people "
            + "are not: nothing of them is left.")
    @GetMapping("/api/records/recalls")
    Recall treatedFrom(@RequestParam @Pattern(regexp = EntryController.BATCH) String batch,
            @RequestParam @NotBlank @Size(max = 500) String reason) {
        String number = batch.strip().toUpperCase();
        List<ClinicalEntry> treatments = entries.findByKindAndBatchNumbersOrderByRecordedAtAsc(EntryKind.TREATMENT,
                number);
        Map<String, ClinicalSubject> people = treatments.stream().map(ClinicalEntry::subjectId).distinct()
                .map(register::find).flatMap(Optional::stream).filter(subject -> !subject.erased())
                .collect(Collectors.toMap(ClinicalSubject::id, Function.identity()));
        people.values().forEach(subject -> audit.recordRead(subject, "recall", null, EntryController.reader(),
                "recall of batch " + number + ": " + reason.strip()));
        List<Treated> found = treatments.stream().filter(entry -> people.containsKey(entry.subjectId()))
                .map(entry -> new Treated(entry.subjectId(), entry.id(), entry.recordedAt(),
                        audit.isRestricted(people.get(entry.subjectId())))).toList();
        return new Recall(number, people.size(), found);
    }
}
