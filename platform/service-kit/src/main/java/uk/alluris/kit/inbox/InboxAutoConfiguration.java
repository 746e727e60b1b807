package uk.alluris.kit.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.messaging.Message;

@AutoConfiguration(afterName = { "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration" })
@ConditionalOnClass({ MongoTemplate.class, Message.class })
public class InboxAutoConfiguration {

    /** {@code alluris.inbox.retention}: how long a handled message's id is remembered (default 30 days). */
    @Bean
    @ConditionalOnBean(MongoTemplate.class)
    @ConditionalOnMissingBean
    ProcessedMessages processedMessages(MongoTemplate mongo,
            @Value("${alluris.inbox.retention:P30D}") Duration retention, ObjectProvider<Clock> clock) {
        return new ProcessedMessages(mongo, retention, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnBean(ProcessedMessages.class)
    ProcessedMessagesCleanup processedMessagesCleanup(ProcessedMessages processed) {
        return new ProcessedMessagesCleanup(processed);
    }

    /** Typed event consumers with the platform's group and key convention and its unknown-type policy. */
    @Bean
    @ConditionalOnBean(ProcessedMessages.class)
    @ConditionalOnMissingBean
    EventConsumers eventConsumers(@Value("${spring.application.name}") String service, Environment environment,
            ProcessedMessages processed, ObjectProvider<MeterRegistry> meters, ObjectProvider<Tracer> tracer,
            ObjectProvider<Propagator> propagator) {
        Tracer tracing = tracer.getIfAvailable();
        Propagator propagation = propagator.getIfAvailable();
        return new EventConsumers(service, environment, processed::handleOnce,
                meters.getIfAvailable(SimpleMeterRegistry::new), tracing == null || propagation == null
                        ? EventConsumer.Tracing.NONE : new ProducerTraces(tracing, propagation));
    }
}
