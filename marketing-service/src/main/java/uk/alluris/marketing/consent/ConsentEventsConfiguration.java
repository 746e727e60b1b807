package uk.alluris.marketing.consent;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import uk.alluris.events.ConsentWithdrawn;
import uk.alluris.kit.inbox.EventConsumers;

@Configuration(proxyBeanMethods = false)
class ConsentEventsConfiguration {

    /** The consent ledger's events, bound to {@code consent.events} in group marketing-service (application.yml). */
    @Bean
    Consumer<Message<byte[]>> consentEvents(EventConsumers consumers, ConsentWithdrawals withdrawals) {
        return consumers.consumer("consentEvents").on(ConsentWithdrawn.class, withdrawals::apply).build();
    }
}
