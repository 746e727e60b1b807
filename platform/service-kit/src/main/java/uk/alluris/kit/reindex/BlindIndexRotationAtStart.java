package uk.alluris.kit.reindex;

import java.util.List;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.core.MongoTemplate;
import uk.alluris.kit.identity.BlindIndexProperties;
import uk.alluris.kit.identity.BlindIndexer;

/**
 * While {@code ALLURIS_BLIND_INDEX_PREVIOUS_SECRET} is set, a service moves its stored blind indexes from that
 * secret to the current one when it starts, before it serves a request or consumes an event (docs/kafka-and-keys.md,
 * "Rotating the blind-index secret"). Running it again (every start until the variable is removed) changes nothing
 * already moved and catches documents an instance still on the old secret wrote meanwhile.
 */
class BlindIndexRotationAtStart implements SmartInitializingSingleton {

    private final MongoTemplate mongo;
    private final BlindIndexer current;
    private final BlindIndexProperties properties;
    private final String previousSecret;
    private final List<String> bareIndexFields;

    BlindIndexRotationAtStart(MongoTemplate mongo, BlindIndexer current, BlindIndexProperties properties,
            String previousSecret, List<String> bareIndexFields) {
        this.mongo = mongo;
        this.current = current;
        this.properties = properties;
        this.previousSecret = previousSecret;
        this.bareIndexFields = bareIndexFields;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (previousSecret.isBlank()) {
            return;
        }
        BlindIndexer previous = new BlindIndexer(new BlindIndexProperties(previousSecret, properties.defaultRegion()));
        new BlindIndexRotation(mongo, previous, current, bareIndexFields).rotate();
    }
}
