package uk.alluris.records.photos;

import java.util.function.Consumer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import uk.alluris.events.ConsentGranted;
import uk.alluris.events.ConsentWithdrawn;
import uk.alluris.kit.inbox.EventConsumers;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PhotoLimits.class)
class PhotoConfiguration {

    @Bean
    ImageSanitising imageSanitising(PhotoLimits limits) {
        return new ImageSanitising(limits.maxPixels(), limits.thumbnailEdge());
    }

    /** The consent ledger's events, bound to {@code consent.events} in group records-service (application.yml). */
    @Bean
    Consumer<Message<byte[]>> consentEvents(EventConsumers consumers, PhotoConsents consents) {
        return consumers.consumer("consentEvents").on(ConsentGranted.class, consents::granted)
                .on(ConsentWithdrawn.class, consents::withdrawn).build();
    }
}
