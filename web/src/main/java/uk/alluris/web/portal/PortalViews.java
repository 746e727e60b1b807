package uk.alluris.web.portal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The services' answers, as far as the portal's pages read them. */
final class PortalViews {

    /** Booking keeps the deposit of an appointment cancelled less than this long before it starts. */
    static final Duration LATE_CANCELLATION = Duration.ofHours(48);

    private PortalViews() {
    }

    record Appointment(UUID id, UUID treatmentId, String treatment, String practitioner, Instant start, String status,
            boolean lateCancellation, Instant bookedAt) {

        /** Booked and still ahead: the client may cancel it (public: the page calls it). */
        public boolean upcoming(Instant now) {
            return "BOOKED".equals(status) && start != null && start.isAfter(now);
        }

        /** Cancelling now would be late by booking's rule: the page warns before the button is pressed. */
        public boolean lateIfCancelled(Instant now) {
            return start != null && start.isBefore(now.plus(LATE_CANCELLATION));
        }
    }

    record Treatment(UUID id, String name, int durationMinutes, long depositPence, boolean active) {
    }

    record Slot(Instant start, Instant end, UUID practitionerId) {
    }

    record Practitioner(UUID id, String name) {
    }

    /** A client books for themselves: booking takes the client from the token. */
    record NewAppointment(UUID treatmentId, UUID practitionerId, String start) {
    }

    record Deposit(UUID appointmentId, long amountPence, String status, String checkoutUrl) {
    }

    record NewClient(String fullName, String email, String phone, LocalDate dateOfBirth) {
    }

    record PurposeState(boolean granted, Instant since, String policyVersion, String channel) {
    }

    record ConsentEntry(String purpose, boolean granted, String policyVersion, String channel, Instant recordedAt,
            boolean heldUnderRestriction) {
    }

    record Consents(Map<String, PurposeState> current, List<ConsentEntry> history, boolean restricted) {
    }

    record ConsentEvidence(String source, String formId, String consentText, String ipAddress, String userAgent) {
    }

    record ConsentDecision(String email, String purpose, boolean granted, String policyVersion, String channel,
            ConsentEvidence evidence) {
    }

    record Corrections(String fullName, String email, String phone, LocalDate dateOfBirth) {
    }

    record NewRequest(String type, String email, String fullName, Corrections corrections) {
    }

    record Filed(UUID id, String status, String downloadToken) {
    }

    record RequestItem(UUID id, String type, String status, Instant receivedAt, LocalDate dueDate) {
    }

    record Outcome(String category, String outcome, long count, String legalGround, LocalDate retainedUntil) {
    }

    record ServiceProgress(String state, Instant answeredAt, List<Outcome> receipt) {

        public boolean answered() {
            return "ANSWERED".equals(state);
        }
    }

    record Bundle(String status, Instant readyAt, Instant expiresAt) {

        public boolean ready() {
            return "READY".equals(status);
        }
    }

    record RequestDetail(UUID id, String type, String status, Instant receivedAt, LocalDate dueDate,
            Map<String, ServiceProgress> services, Instant completedAt, Bundle bundle, List<String> corrections) {

        public boolean completed() {
            return "COMPLETED".equals(status);
        }

        /** Nothing more will change by itself: done, and any copy of the data ready or gone (the page stops polling). */
        public boolean settled() {
            return completed() && (bundle == null || !"PENDING".equals(bundle.status()));
        }
    }

    /** A client's complaint as the rights service answers it: with its text and, once answered, the answer. */
    record Complaint(UUID id, String status, String channel, Instant receivedAt, LocalDate dueDate, boolean overdue,
            String text, String answer, Instant answeredAt) {

        public boolean answered() {
            return "ANSWERED".equals(status);
        }
    }

    /** A client complains from the portal under the address their sign-in proved (the rights service checks it). */
    record NewComplaint(String email, String text, String channel) {
    }

    /** One published version of the privacy policy, marked whether it is the one in force (the history has no text). */
    record PolicyVersion(String version, LocalDate effectiveFrom, String summary, boolean material, boolean inForce,
            Instant publishedAt) {
    }
}
