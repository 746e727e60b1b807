package uk.alluris.kit.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass({ MongoTemplate.class, Message.class })
public class InboxAutoConfiguration {

    @Bean
    @ConditionalOnBean(MongoTemplate.class)
    @ConditionalOnMissingBean
    ProcessedMessages processedMessages(MongoTemplate mongo) {
        return new ProcessedMessages(mongo);
    }

    /** Typed event consumers with the platform's group and key convention and its unknown-type policy. */
    @Bean
    @ConditionalOnBean(ProcessedMessages.class)
    @ConditionalOnMissingBean
    EventConsumers eventConsumers(@Value("${spring.application.name}") String service, Environment environment,
            ProcessedMessages processed, ObjectProvider<MeterRegistry> meters) {
        return new EventConsumers(service, environment, processed::handleOnce,
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }
}
