package uk.alluris.booking.clients;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import uk.alluris.events.PolicyVersionPublished;
import uk.alluris.kit.inbox.EventConsumers;

@Configuration(proxyBeanMethods = false)
class PolicyNoticesConfiguration {

    /** consent-service's events, bound to {@code consent.events} in group booking-service (application.yml). */
    @Bean
    Consumer<Message<byte[]>> policyNotices(EventConsumers consumers, PolicyChangeNotices notices) {
        return consumers.consumer("policyNotices").on(PolicyVersionPublished.class, notices::tell).build();
    }
}
