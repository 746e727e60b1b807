package uk.alluris.events;

/**
 * Topic names, by producer. Each consumer group also has its own dead-letter topic, named as the Kafka binder names
 * it: {@code error.<topic>.<group>}.
 */
public final class Topics {

    /** rights-request-service → data-holding services. */
    public static final String PRIVACY_REQUESTS = "privacy.requests";
    /** data-holding services → rights-request-service. */
    public static final String PRIVACY_RECEIPTS = "privacy.receipts";
    public static final String CONSENT_EVENTS = "consent.events";
    public static final String MARKETING_EVENTS = "marketing.events";
    public static final String BOOKING_EVENTS = "booking.events";
    public static final String RECORDS_EVENTS = "records.events";
    /** gateway → every service (and every gateway instance): revoked tokens' ids, read from the beginning. */
    public static final String AUTH_REVOCATIONS = "auth.revocations";

    private Topics() {
    }

    /** Every topic above: what each service provisions at start (kit kafka.TopicProvisioning). */
    public static java.util.List<String> all() {
        return java.util.List.of(PRIVACY_REQUESTS, PRIVACY_RECEIPTS, CONSENT_EVENTS, MARKETING_EVENTS, BOOKING_EVENTS,
                RECORDS_EVENTS, AUTH_REVOCATIONS);
    }

    public static String deadLetterTopic(String topic, String consumerGroup) {
        return "error." + topic + "." + consumerGroup;
    }

    /**
     * Every consumer group's subscriptions, as the services' bindings declare them (deploy/manifests checks the two
     * agree): what production provisions a dead-letter topic for, since brokers there create no topic by themselves.
     */
    public static java.util.List<Subscription> subscriptions() {
        return java.util.List.of(
                new Subscription(PRIVACY_REQUESTS, "booking-service"),
                new Subscription(CONSENT_EVENTS, "booking-service"),
                new Subscription(PRIVACY_REQUESTS, "records-service"),
                new Subscription(CONSENT_EVENTS, "records-service"),
                new Subscription(PRIVACY_REQUESTS, "consent-service"),
                new Subscription(MARKETING_EVENTS, "consent-service"),
                new Subscription(PRIVACY_REQUESTS, "marketing-service"),
                new Subscription(CONSENT_EVENTS, "marketing-service"),
                new Subscription(PRIVACY_RECEIPTS, "rights-request-service"),
                new Subscription(MARKETING_EVENTS, "rights-request-service"),
                new Subscription(CONSENT_EVENTS, "rights-request-service"));
    }

    /** The dead-letter topic of every subscription above. */
    public static java.util.List<String> deadLetterTopics() {
        return subscriptions().stream().map(Subscription::deadLetterTopic).toList();
    }

    /** One consumer group reading one topic; what it cannot handle goes to its own dead-letter topic. */
    public record Subscription(String topic, String group) {

        public String deadLetterTopic() {
            return Topics.deadLetterTopic(topic, group);
        }
    }
}
