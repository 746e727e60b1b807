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
 * @param claimFor how long a replica's claim on a document's outbox lasts (OutboxClaims): released as soon as the
 *     document's entries are sent, so this only bounds how long a replica that died while relaying delays them; keep
 *     it above the longest send of one document's entries (a producer waits up to a minute for a missing broker)
 */
@ConfigurationProperties("alluris.outbox")
public record OutboxProperties(Duration pollInterval, Integer batchSize, Integer maxAttempts, String parkedPath,
        Duration claimFor) {

    public OutboxProperties {
        pollInterval = pollInterval == null ? Duration.ofSeconds(5) : pollInterval;
        batchSize = batchSize == null ? 200 : batchSize;
        maxAttempts = maxAttempts == null ? 3 : maxAttempts;
        parkedPath = parkedPath == null ? "/api/outbox/parked" : parkedPath;
        claimFor = claimFor == null ? Duration.ofMinutes(2) : claimFor;
    }
}
