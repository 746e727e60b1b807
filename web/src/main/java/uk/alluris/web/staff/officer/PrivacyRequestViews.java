package uk.alluris.web.staff.officer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The rights-request service's answers, as far as the officer's pages read them. */
final class PrivacyRequestViews {

    static final List<String> STATUSES = List.of("AWAITING_VERIFICATION", "IN_PROGRESS", "COMPLETED");
    static final List<String> TYPES = List.of("ERASURE", "RESTRICTION", "LIFT_RESTRICTION", "OBJECTION_TO_MARKETING",
            "ACCESS", "PORTABILITY", "RECTIFICATION");

    private PrivacyRequestViews() {
    }

    record QueueItem(UUID id, String type, String status, Instant receivedAt, LocalDate dueDate, boolean dueWithinAWeek,
            boolean overdue, long servicesPending, long servicesLate) {
    }

    record Outcome(String category, String outcome, long count, String legalGround, LocalDate retainedUntil) {
    }

    record ServiceView(String state, int timesAsked, Instant answeredAt, List<Outcome> receipt, List<String> changed) {

        public boolean late() {
            return "LATE".equals(state);
        }
    }

    record Extension(int months, String reason, Instant grantedAt, LocalDate newDueDate) {
    }

    record StatedIdentifier(String kind, String value, boolean proven) {
    }

    record Detail(UUID id, String type, String status, Instant receivedAt, LocalDate dueDate, boolean overdue,
            Extension extension, Map<String, ServiceView> services, Instant completedAt, List<String> corrections,
            List<StatedIdentifier> identifiers) {

        public boolean awaitingVerification() {
            return "AWAITING_VERIFICATION".equals(status);
        }

        public boolean completed() {
            return "COMPLETED".equals(status);
        }
    }

    record Evidence(Instant at, String actor, String step, String detail) {
    }

    /** A parked message; its partition and offset name it for a redrive back to {@code originalTopic}. */
    record Parked(Instant parkedAt, String ceType, String ceId, String reason, int partition, long offset,
            String originalTopic) {
    }

    /** Which dead letter to send back, as the rights service takes it. */
    record RedriveOrder(String topic, int partition, long offset) {
    }

    /** One person restricted now, by the request that restricted them. */
    record Restricted(java.util.UUID requestId, Instant requestedAt, Instant restrictedSince, List<String> proven,
            String origin) {
    }

    /** A page of the restriction list as the rights service answers it (0-based). */
    record RestrictedPage(List<Restricted> items, int page, int size, long total) {
    }

    record DeadLetterTopic(String name, long messages, List<Parked> latest) {
    }
}
