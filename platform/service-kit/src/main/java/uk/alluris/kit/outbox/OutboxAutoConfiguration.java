package uk.alluris.kit.outbox;

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
            @Value("${spring.application.name}") String applicationName) {
        return new OutboxRelay(mongo, bridge, properties, applicationName);
    }

    @Bean
    @ConditionalOnBean(OutboxRelay.class)
    OutboxWakeUp outboxWakeUp(OutboxRelay relay) {
        return new OutboxWakeUp(relay);
    }
}
