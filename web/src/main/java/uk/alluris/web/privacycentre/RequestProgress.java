package uk.alluris.web.privacycentre;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import uk.alluris.kit.register.ReceiptWords;

/**
 * A request as its requester may see it ({@code GET /api/privacy/requests/{id}/progress}, and the verification's
 * answer): status, due date, each service's progress and receipt, the bundle of an export; never the identifiers given.
 */
// the rights service's answer has more (received, overdue, corrections…) than the requester's pages show
@JsonIgnoreProperties(ignoreUnknown = true)
record RequestProgress(UUID id, String type, String status, LocalDate dueDate, Extension extension,
        Map<String, ServiceProgress> services, Instant completedAt, Bundle bundle, String followToken,
        String downloadToken) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Extension(int months, String reason, LocalDate newDueDate) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Line(String category, String outcome, long count, String legalGround, LocalDate retainedUntil) {

        /** What was done, in plain words: the wording the outcome mail uses too (kit register.ReceiptWords). */
        public String says() {
            return ReceiptWords.outcome(outcome);
        }
    }

    /** One part of the clinic's system, named as a client knows it, and how far it is. */
    record Part(String name, ServiceProgress progress) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ServiceProgress(String state, Instant answeredAt, List<Line> receipt) {

        public boolean answered() {
            return "ANSWERED".equals(state);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Bundle(String status, Instant expiresAt) {

        public boolean ready() {
            return "READY".equals(status);
        }

        public boolean expired() {
            return "EXPIRED".equals(status);
        }
    }

    /** Each part of the system in the order the service gives them, named in plain words. */
    public List<Part> parts() {
        return services == null ? List.of() : services.entrySet().stream()
                .map(entry -> new Part(ReceiptWords.part(entry.getKey()), entry.getValue())).toList();
    }

    public boolean completed() {
        return "COMPLETED".equals(status);
    }

    public RightChoice choice() {
        return RightChoice.of(type).orElse(null);
    }

    public LocalDate due() {
        return extension != null && extension.newDueDate() != null ? extension.newDueDate() : dueDate;
    }
}
