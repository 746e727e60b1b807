package uk.alluris.kit.health;

import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import uk.alluris.kit.kafka.KafkaClients;

/** A service is healthy only when its own database and the Kafka cluster are reachable. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration" })
@ConditionalOnClass(HealthIndicator.class)
public class HealthAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(name = "kafkaHealthAdmin")
    Admin kafkaHealthAdmin(KafkaClients clients) {
        return Admin.create(clients.config(Map.of(
                AdminClientConfig.CLIENT_ID_CONFIG, "health-check",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000)));
    }

    @Bean
    HealthIndicator kafkaHealthIndicator(Admin kafkaHealthAdmin) {
        return new KafkaHealthIndicator(kafkaHealthAdmin);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MongoTemplate.class)
    static class BlockingMongo {

        @Bean
        @ConditionalOnBean(MongoTemplate.class)
        @ConditionalOnMissingBean(name = "mongoHealthIndicator")
        HealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
            return new MongoPingHealthIndicator(mongo);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ReactiveMongoTemplate.class)
    static class ReactiveMongo {

        @Bean
        @ConditionalOnBean(ReactiveMongoTemplate.class)
        @ConditionalOnMissingBean(name = "mongoHealthIndicator")
        ReactiveHealthIndicator mongoHealthIndicator(ReactiveMongoTemplate mongo) {
            return new ReactiveMongoPingHealthIndicator(mongo);
        }
    }
}
