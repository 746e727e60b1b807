package uk.alluris.kit.security;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.alluris.kit.kafka.KafkaClients;

/**
 * The deny-list of signed-out tokens and the consumer that fills it; shared by the services (servlet) and the
 * gateway (reactive), which both refuse a revoked token.
 */
@Configuration(proxyBeanMethods = false)
public class RevocationConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RevokedTokens revokedTokens(ObjectProvider<Clock> clock) {
        return new RevokedTokens(clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnProperty(name = "alluris.security.revocations.enabled", matchIfMissing = true)
    RevocationListener revocationListener(KafkaClients clients,
            @Value("${spring.application.name:service}") String application, RevokedTokens revoked) {
        return new RevocationListener(clients, application, revoked);
    }
}
