package uk.alluris.kit.kafka;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** Kafka clients with the platform's security settings, and the topics provisioned at start. */
@AutoConfiguration
@EnableConfigurationProperties(TopicSettings.class)
public class KafkaClientsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    KafkaClients kafkaClients(Environment environment) {
        return new KafkaClients(environment);
    }

    @Bean
    TopicsAtStart topicsAtStart(TopicSettings settings, KafkaClients clients, Environment environment) {
        return new TopicsAtStart(settings, clients, environment);
    }
}
