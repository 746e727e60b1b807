package uk.alluris.kit.retention;

import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.scheduling.annotation.EnableScheduling;
import uk.alluris.kit.register.ProcessingRegister;
import uk.alluris.kit.register.RegisterAutoConfiguration;
import uk.alluris.kit.security.AccessRules;

/**
 * Every data-holding service gets the retention job, its log and the forecast endpoint; what it enforces is the
 * register's categories held by {@code spring.application.name}, through the service's {@link RetainedCategory}
 * beans.
 */
@AutoConfiguration(after = RegisterAutoConfiguration.class,
        afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@ConditionalOnClass(MongoTemplate.class)
@EnableScheduling
public class RetentionAutoConfiguration {

    @Bean
    @ConditionalOnBean(MongoTemplate.class)
    RetentionLog retentionLog(MongoTemplate mongo) {
        return new RetentionLog(mongo);
    }

    @Bean
    @ConditionalOnBean(MongoTemplate.class)
    RetentionEnforcement retentionEnforcement(ProcessingRegister register,
            @Value("${spring.application.name}") String service, ObjectProvider<RetainedCategory> enforcers,
            RetentionLog retentionLog, ObjectProvider<Clock> clock) {
        return new RetentionEnforcement(register, service, List.copyOf(enforcers.orderedStream().toList()),
                retentionLog, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnBean(RetentionEnforcement.class)
    @ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
    RetentionForecastController retentionForecastController(RetentionEnforcement enforcement) {
        return new RetentionForecastController(enforcement);
    }

    /** Applied before the service's own rules, so a wider rule of the service cannot let anyone else in. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    @ConditionalOnBean(RetentionEnforcement.class)
    AccessRules retentionForecastAccess(
            @Value("${alluris.retention.forecast-path:/api/retention/forecast}") String forecastPath) {
        return rules -> rules.requestMatchers(HttpMethod.GET, forecastPath).hasAnyRole("PRIVACY_OFFICER", "ADMIN");
    }
}
