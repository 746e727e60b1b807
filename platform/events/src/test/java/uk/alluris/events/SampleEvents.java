package uk.alluris.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One realistic instance of every catalogued event type; the switch fails to compile when a type is added without one. */
final class SampleEvents {

    static final String EMAIL_INDEX = "q3yW0m5F2cQ0sVb1kzJmY4m0v1Jb9wH1c6Qx7eLk8nA";
    static final String PHONE_INDEX = "Zx8pQ2m5F2cQ0sVb1kzJmY4m0v1Jb9wH1c6Qx7eLk8n";
    static final Instant NOW = Instant.parse("2026-03-03T10:15:30.123Z");
    static final LocalDate DUE = LocalDate.parse("2026-04-03");

    private SampleEvents() {
    }

    static PlatformEvent of(EventType type) {
        UUID id = UUID.randomUUID();
        UUID request = UUID.randomUUID();
        SubjectIdentifiers subject = new SubjectIdentifiers(List.of(UUID.randomUUID().toString()), List.of(EMAIL_INDEX),
                List.of(PHONE_INDEX));
        String subjectId = UUID.randomUUID().toString();
        return switch (type) {
            case ERASURE_REQUESTED -> new ErasureRequested(id, request, subject, DUE, NOW);
            case RESTRICTION_REQUESTED -> new RestrictionRequested(id, request, subject, DUE, NOW);
            case RESTRICTION_LIFTED -> new RestrictionLifted(id, request, subject, DUE, NOW);
            case MARKETING_OBJECTION_REQUESTED -> new MarketingObjectionRequested(id, request, subject, DUE, NOW);
            case DATA_EXPORT_REQUESTED -> new DataExportRequested(id, request, subject, DUE, NOW, DataExportRequested.ACCESS,
                    "{\"primaryKeyId\":1,\"key\":[]}");
            case RECTIFICATION_REQUESTED -> new RectificationRequested(id, request, subject, DUE, NOW,
                    List.of("fullName", "email"), "AQIDBAUGBwgJCgsMDQ4PEA==");
            case RECEIPT_ISSUED -> new ReceiptIssued(id, request, "booking-service", ErasureRequested.REQUEST_TYPE,
                    List.of(CategoryOutcome.of("contact-profile", Outcome.ERASED, 1),
                            CategoryOutcome.retained("payments", 3, "Legal obligation: financial records (6 years)",
                                    LocalDate.parse("2032-03-03")),
                            CategoryOutcome.of("photos", Outcome.NOT_HELD, 0)),
                    NOW);
            case EXPORT_PART_ISSUED -> new ExportPartIssued(id, request, "records-service", 1, 3, "c2VhbGVkIHNsaWNl",
                    "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", NOW);
            case CONSENT_GRANTED -> new ConsentGranted(id, subjectId, EMAIL_INDEX, "marketing.email", "web", "2025-05", NOW);
            case POLICY_VERSION_PUBLISHED -> new PolicyVersionPublished(id, "2027-01", java.time.LocalDate.of(2027, 1, 1),
                    true, "We now keep complaints for six years.", NOW);
            case CONSENT_WITHDRAWN -> new ConsentWithdrawn(id, subjectId, null, "marketing.sms", "unsubscribe-link", "2025-05", NOW);
            case SUBSCRIBER_UNSUBSCRIBED -> new SubscriberUnsubscribed(id, subjectId, EMAIL_INDEX, null, "one-click", NOW);
            case CONSENT_CAPTURED -> new ConsentCaptured(id, subjectId, EMAIL_INDEX, null, List.of("marketing.email"), "WEB",
                    "2025-05", "double-opt-in", "newsletter-footer", "Yes, email me offers", "203.0.113.0",
                    "Mozilla/5.0", NOW);
            case SUBJECT_SUPPRESSED -> new SubjectSuppressed(id, subject, "ERASURE", NOW);
            case CLIENT_REGISTERED -> new ClientRegistered(id, subjectId, EMAIL_INDEX, null, NOW);
            case SUBJECT_KEY_DESTROYED -> new SubjectKeyDestroyed(id, subjectId, "retention period ended", NOW);
            case TOKEN_REVOKED -> new TokenRevoked(id, UUID.randomUUID().toString(), NOW.plusSeconds(900), NOW);
        };
    }
}
