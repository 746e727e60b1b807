package uk.alluris.records.entries;

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

    record Treated(String subjectId, UUID entryId, Instant treatedAt, boolean restricted) {
    }

    record Recall(String batch, int clients, List<Treated> treatments) {
    }

    private final ClinicalEntries entries;
    private final SubjectRegister register;
    private final ReadAudit audit;

    Recalls(ClinicalEntries entries, SubjectRegister register, ReadAudit audit) {
        this.entries = entries;
        this.register = register;
        this.audit = audit;
    }

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
