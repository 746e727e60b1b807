package uk.alluris.kit.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

@AutoConfiguration(afterName = {
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        "org.springframework.cloud.stream.function.FunctionConfiguration" })
@ConditionalOnClass({ MongoTemplate.class, StreamBridge.class })
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

    @Bean
    @ConditionalOnBean({ MongoTemplate.class, StreamBridge.class })
    @ConditionalOnMissingBean
    OutboxRelay outboxRelay(MongoTemplate mongo, StreamBridge bridge, OutboxProperties properties,
            @Value("${spring.application.name}") String applicationName, OutboxParking parking) {
        return new OutboxRelay(mongo, bridge, properties, applicationName, parking);
    }

    @Bean
    @ConditionalOnBean(MongoTemplate.class)
    @ConditionalOnMissingBean
    OutboxParking outboxParking(MongoTemplate mongo, OutboxProperties properties, ObjectProvider<Clock> clock,
            ObjectProvider<MeterRegistry> meters) {
        return new OutboxParking(mongo, properties.maxAttempts(), clock.getIfAvailable(Clock::systemUTC),
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    @ConditionalOnBean(OutboxParking.class)
    @ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
    ParkedOutboxController parkedOutboxController(OutboxParking parking) {
        return new ParkedOutboxController(parking);
    }

    @Bean
    @ConditionalOnBean(OutboxRelay.class)
    OutboxWakeUp outboxWakeUp(OutboxRelay relay) {
        return new OutboxWakeUp(relay);
    }
}
