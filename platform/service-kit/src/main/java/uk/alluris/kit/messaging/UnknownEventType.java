package uk.alluris.kit.messaging;

/**
 * A message that names no CloudEvents type, or one the catalogue lacks. A typed consumer
 * ({@code uk.alluris.kit.inbox.EventConsumer}) never reads the body of an uncatalogued type (it skips and counts it);
 * a message with no type at all throws this and goes to the consumer group's dead-letter topic.
 */
public class UnknownEventType extends IllegalArgumentException {

    public UnknownEventType(String ceType) {
        super("unknown CloudEvents type: " + ceType);
    }
}
