package uk.alluris.kit.privacy;

import java.time.Clock;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.messaging.Message;
import uk.alluris.kit.identity.BlindIndexProperties;
import uk.alluris.kit.inbox.InboxAutoConfiguration;
import uk.alluris.events.DataExportRequested;
import uk.alluris.events.ErasureRequested;
import uk.alluris.events.MarketingObjectionRequested;
import uk.alluris.events.RectificationRequested;
import uk.alluris.events.RestrictionLifted;
import uk.alluris.events.RestrictionRequested;
import uk.alluris.kit.inbox.EventConsumers;

/**
 * The privacy side every data-holding service shares: a restriction register, and — once the service declares its
 * {@link PrivacyActions} — the {@code privacyRequests} consumer bound to {@code privacy.requests} in the service's
 * group (see each service's application.yml).
 */
@AutoConfiguration(after = { InboxAutoConfiguration.class, uk.alluris.kit.identity.IdentityAutoConfiguration.class },
        afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@ConditionalOnClass({ MongoTemplate.class, Message.class })
public class PrivacyAutoConfiguration {

    /** The platform's clock, in UTC; a service or a test may declare its own. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnBean(MongoTemplate.class)
    @ConditionalOnMissingBean
    Restrictions restrictions(MongoTemplate mongo, Clock clock) {
        return new Restrictions(mongo, clock);
    }

    @Bean
    @ConditionalOnBean({ PrivacyActions.class, EventConsumers.class })
    @ConditionalOnMissingBean
    PrivacyRequestIntake privacyRequestIntake(PrivacyActions actions, MongoTemplate mongo,
            @Value("${spring.application.name}") String service, Clock clock, TransportSeal transport,
            PrivacyEffects effects) {
        return new PrivacyRequestIntake(actions, mongo, service, clock, transport, effects);
    }

    /** The journal each feature writes before it acts on a privacy request, so receipts survive a crash. */
    @Bean
    @ConditionalOnBean(MongoTemplate.class)
    @ConditionalOnMissingBean
    PrivacyEffects privacyEffects(MongoTemplate mongo, Clock clock) {
        return new PrivacyEffects(mongo, clock);
    }

    /** Opens (and, in the rights-request service, seals) a rectification's corrected details. */
    @Bean
    @ConditionalOnMissingBean
    TransportSeal transportSeal(BlindIndexProperties platform) {
        return new TransportSeal(platform.secret());
    }

    /** Privacy requests from the rights-request service, each type answered by the intake. */
    @Bean
    @ConditionalOnBean({ PrivacyRequestIntake.class, EventConsumers.class })
    Consumer<Message<byte[]>> privacyRequests(PrivacyRequestIntake intake, EventConsumers consumers) {
        return consumers.consumer("privacyRequests").on(ErasureRequested.class, intake::answer)
                .on(RestrictionRequested.class, intake::answer).on(RestrictionLifted.class, intake::answer)
                .on(MarketingObjectionRequested.class, intake::answer).on(DataExportRequested.class, intake::answer)
                .on(RectificationRequested.class, intake::answer).build();
    }
}
