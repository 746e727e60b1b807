package uk.alluris.rights.optout;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

@Configuration(proxyBeanMethods = false)
class OptOutConfiguration {

    /** Unsubscribes and marketing withdrawals, bound to {@code marketing.events} and {@code consent.events} in application.yml. */
    @Bean
    Consumer<Message<byte[]>> optOuts(OptOutFiling filing) {
        return filing::on;
    }
}
