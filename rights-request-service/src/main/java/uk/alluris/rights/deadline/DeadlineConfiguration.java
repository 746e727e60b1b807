package uk.alluris.rights.deadline;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeadlineProperties.class)
class DeadlineConfiguration {

    @Bean
    StatutoryDeadlines statutoryDeadlines(DeadlineProperties properties) {
        return new StatutoryDeadlines(properties.bankHolidays());
    }
}
