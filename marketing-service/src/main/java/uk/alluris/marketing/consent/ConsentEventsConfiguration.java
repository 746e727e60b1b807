package uk.alluris.marketing.consent;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import uk.alluris.events.ConsentWithdrawn;
import uk.alluris.events.PolicyVersionPublished;
import uk.alluris.kit.inbox.EventConsumers;
import uk.alluris.marketing.subscribers.PolicyChangeNotices;

@Configuration(proxyBeanMethods = false)
class ConsentEventsConfiguration {

    /**
     * The consent ledger's events, bound to {@code consent.events} in group marketing-service (application.yml):
     * withdrawals, and policy versions whose material changes every subscriber with current consent is told of.
     */
    @Bean
    Consumer<Message<byte[]>> consentEvents(EventConsumers consumers, ConsentWithdrawals withdrawals,
            PolicyChangeNotices policyNotices) {
        return consumers.consumer("consentEvents").on(ConsentWithdrawn.class, withdrawals::apply)
                .on(PolicyVersionPublished.class, policyNotices::tell).build();
    }
}
