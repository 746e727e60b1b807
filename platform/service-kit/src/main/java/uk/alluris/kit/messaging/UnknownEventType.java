package uk.alluris.kit.messaging;

/** A message this platform has no contract for; it goes to the consumer group's dead-letter topic. */
public class UnknownEventType extends IllegalArgumentException {

    public UnknownEventType(String ceType) {
        super("unknown CloudEvents type: " + ceType);
    }
}
