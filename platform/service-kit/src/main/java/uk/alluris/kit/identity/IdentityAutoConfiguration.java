package uk.alluris.kit.identity;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

@AutoConfiguration
@EnableConfigurationProperties(BlindIndexProperties.class)
public class IdentityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    BlindIndexer blindIndexer(BlindIndexProperties properties) {
        return new BlindIndexer(properties);
    }
}
