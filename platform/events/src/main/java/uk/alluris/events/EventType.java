package uk.alluris.events;

import java.util.Arrays;
import java.util.Optional;

/** The catalogue: every event type, the topic it travels on and its versioned CloudEvents type. */
public enum EventType {

    ERASURE_REQUESTED(ErasureRequested.class, Topics.PRIVACY_REQUESTS, "uk.alluris.privacy.ErasureRequested.v1"),
    RESTRICTION_REQUESTED(RestrictionRequested.class, Topics.PRIVACY_REQUESTS, "uk.alluris.privacy.RestrictionRequested.v1"),
    RESTRICTION_LIFTED(RestrictionLifted.class, Topics.PRIVACY_REQUESTS, "uk.alluris.privacy.RestrictionLifted.v1"),
    MARKETING_OBJECTION_REQUESTED(MarketingObjectionRequested.class, Topics.PRIVACY_REQUESTS,
            "uk.alluris.privacy.MarketingObjectionRequested.v1"),
    DATA_EXPORT_REQUESTED(DataExportRequested.class, Topics.PRIVACY_REQUESTS, "uk.alluris.privacy.DataExportRequested.v1"),
    RECTIFICATION_REQUESTED(RectificationRequested.class, Topics.PRIVACY_REQUESTS,
            "uk.alluris.privacy.RectificationRequested.v1"),
    RECEIPT_ISSUED(ReceiptIssued.class, Topics.PRIVACY_RECEIPTS, "uk.alluris.privacy.ReceiptIssued.v1"),
    EXPORT_PART_ISSUED(ExportPartIssued.class, Topics.PRIVACY_RECEIPTS, "uk.alluris.privacy.ExportPartIssued.v1"),
    CONSENT_GRANTED(ConsentGranted.class, Topics.CONSENT_EVENTS, "uk.alluris.consent.ConsentGranted.v1"),
    CONSENT_WITHDRAWN(ConsentWithdrawn.class, Topics.CONSENT_EVENTS, "uk.alluris.consent.ConsentWithdrawn.v1"),
    POLICY_VERSION_PUBLISHED(PolicyVersionPublished.class, Topics.CONSENT_EVENTS,
            "uk.alluris.consent.PolicyVersionPublished.v1"),
    SUBSCRIBER_UNSUBSCRIBED(SubscriberUnsubscribed.class, Topics.MARKETING_EVENTS,
            "uk.alluris.marketing.SubscriberUnsubscribed.v1"),
    CONSENT_CAPTURED(ConsentCaptured.class, Topics.MARKETING_EVENTS, "uk.alluris.marketing.ConsentCaptured.v1"),
    SUBJECT_SUPPRESSED(SubjectSuppressed.class, Topics.MARKETING_EVENTS, "uk.alluris.marketing.SubjectSuppressed.v1"),
    CLIENT_REGISTERED(ClientRegistered.class, Topics.BOOKING_EVENTS, "uk.alluris.booking.ClientRegistered.v1"),
    SUBJECT_KEY_DESTROYED(SubjectKeyDestroyed.class, Topics.RECORDS_EVENTS, "uk.alluris.records.SubjectKeyDestroyed.v1"),
    TOKEN_REVOKED(TokenRevoked.class, Topics.AUTH_REVOCATIONS, "uk.alluris.auth.TokenRevoked.v1");

    private final Class<? extends PlatformEvent> javaType;
    private final String topic;
    private final String cloudEventType;

    EventType(Class<? extends PlatformEvent> javaType, String topic, String cloudEventType) {
        this.javaType = javaType;
        this.topic = topic;
        this.cloudEventType = cloudEventType;
    }

    public Class<? extends PlatformEvent> javaType() {
        return javaType;
    }

    public String topic() {
        return topic;
    }

    public String cloudEventType() {
        return cloudEventType;
    }

    /** Classpath location of this type's JSON Schema. */
    public String schemaResource() {
        return "/schemas/" + cloudEventType + ".json";
    }

    public static EventType of(PlatformEvent event) {
        return of(event.getClass());
    }

    public static EventType of(Class<?> javaType) {
        return Arrays.stream(values()).filter(t -> t.javaType == javaType).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a catalogued event: " + javaType.getName()));
    }

    public static Optional<EventType> ofCloudEventType(String cloudEventType) {
        return Arrays.stream(values()).filter(t -> t.cloudEventType.equals(cloudEventType)).findFirst();
    }
}
