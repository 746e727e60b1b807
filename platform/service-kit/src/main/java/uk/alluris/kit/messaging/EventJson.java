package uk.alluris.kit.messaging;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import uk.alluris.events.EventType;
import uk.alluris.events.PlatformEvent;

/**
 * The one JSON form of an event body, independent of each service's web JSON settings so that the wire contract
 * (checked against the schemas in alluris-events) cannot drift with a service's configuration.
 */
public final class EventJson {

    // Unknown properties are ignored so that additive changes to a contract never break an older consumer.
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EventJson() {
    }

    public static String write(PlatformEvent event) {
        return MAPPER.writeValueAsString(event);
    }

    public static PlatformEvent read(byte[] body, EventType type) {
        return MAPPER.readValue(body, type.javaType());
    }
}
