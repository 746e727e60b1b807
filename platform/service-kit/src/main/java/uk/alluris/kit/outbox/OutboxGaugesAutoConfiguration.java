package uk.alluris.kit.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The outbox's Prometheus gauges, wherever a relay runs. */
@AutoConfiguration(after = OutboxAutoConfiguration.class, afterName =
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnBean({ OutboxRelay.class, MeterRegistry.class })
public class OutboxGaugesAutoConfiguration {

    @Bean
    OutboxGauges outboxGauges(MongoTemplate mongo, OutboxRelay relay, ObjectProvider<Clock> clock, MeterRegistry meters) {
        return new OutboxGauges(mongo, relay, clock.getIfAvailable(Clock::systemUTC), meters);
    }
}
