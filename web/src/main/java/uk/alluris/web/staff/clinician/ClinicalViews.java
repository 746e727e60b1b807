package uk.alluris.web.staff.clinician;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Records' and booking's answers, as far as the clinician's pages read them. */
final class ClinicalViews {

    static final List<String> KINDS = List.of("CONSULTATION", "TREATMENT", "AFTERCARE", "MEDICAL_HISTORY");

    private ClinicalViews() {
    }

    record Entry(UUID id, String kind, Instant recordedAt, Map<String, Object> fields, String notes,
            String recordedBy, boolean restricted) {
    }

    record Subject(String subjectId, LocalDate dateOfBirth, LocalDate lastEntryOn, boolean restricted,
            LocalDate erasureDueOn, List<Entry> entries) {
    }

    /** The client the record belongs to, from booking: the record is kept under the client's id. */
    record Client(UUID id, String fullName, String email, String phone, LocalDate dateOfBirth, boolean restricted) {
    }

    record NewEntry(String subjectId, String email, String phone, LocalDate dateOfBirth, String kind,
            OffsetDateTime recordedAt, String notes) {
    }
}
