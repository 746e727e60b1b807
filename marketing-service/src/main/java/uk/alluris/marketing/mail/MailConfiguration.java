package uk.alluris.marketing.mail;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.alluris.marketing.MarketingProperties;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    @Bean
    SignedLinks signedLinks(MarketingProperties properties, Clock clock) {
        return new SignedLinks(properties.linkSecret(), clock);
    }
}
