package uk.alluris.rights.optout;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import uk.alluris.events.ConsentWithdrawn;
import uk.alluris.events.SubscriberUnsubscribed;
import uk.alluris.kit.inbox.EventConsumers;

@Configuration(proxyBeanMethods = false)
class OptOutConfiguration {

    /** Unsubscribes and marketing withdrawals, bound to {@code marketing.events} and {@code consent.events} in application.yml. */
    @Bean
    Consumer<Message<byte[]>> optOuts(EventConsumers consumers, OptOutFiling filing) {
        return consumers.consumer("optOuts").on(SubscriberUnsubscribed.class, filing::unsubscribed)
                .on(ConsentWithdrawn.class, filing::withdrawn).build();
    }
}
