package uk.alluris.kit.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param pollInterval how often every outbox collection is swept for pending entries; a saved aggregate's events do
 *     not wait for it (the relay is woken by the save), so this only bounds how late a crash's leftovers go out;
 *     each sweep scans every outbox collection (the embedded store has no secondary indexes), so not too often
 * @param batchSize how many documents one round takes from each collection
 * @param maxAttempts how many times Kafka may refuse an entry for what it is (too large, not serialisable) before it
 *     is parked; failures that may pass (broker down) never count
 * @param parkedPath where staff list the parked entries, under the service's own gateway prefix (e.g.
 *     {@code /api/bookings/outbox/parked}); the kit's test service uses the default
 */
@ConfigurationProperties("alluris.outbox")
public record OutboxProperties(Duration pollInterval, Integer batchSize, Integer maxAttempts, String parkedPath) {

    public OutboxProperties {
        pollInterval = pollInterval == null ? Duration.ofSeconds(5) : pollInterval;
        batchSize = batchSize == null ? 200 : batchSize;
        maxAttempts = maxAttempts == null ? 3 : maxAttempts;
        parkedPath = parkedPath == null ? "/api/outbox/parked" : parkedPath;
    }
}
