package uk.alluris.kit.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param pollInterval how often pending entries are looked for
 * @param batchSize how many documents one round takes from each collection
 */
@ConfigurationProperties("alluris.outbox")
public record OutboxProperties(Duration pollInterval, Integer batchSize) {

    public OutboxProperties {
        pollInterval = pollInterval == null ? Duration.ofMillis(100) : pollInterval;
        batchSize = batchSize == null ? 200 : batchSize;
    }
}
