package uk.alluris.kit.inbox;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.messaging.Message;

@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@ConditionalOnClass({ MongoTemplate.class, Message.class })
public class InboxAutoConfiguration {

    /** {@code alluris.inbox.retention}: how long a handled message's id is remembered (default 30 days). */
    @Bean
    @ConditionalOnBean(MongoTemplate.class)
    @ConditionalOnMissingBean
    ProcessedMessages processedMessages(MongoTemplate mongo,
            @Value("${alluris.inbox.retention:P30D}") Duration retention, ObjectProvider<Clock> clock) {
        return new ProcessedMessages(mongo, retention, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnBean(ProcessedMessages.class)
    ProcessedMessagesCleanup processedMessagesCleanup(ProcessedMessages processed) {
        return new ProcessedMessagesCleanup(processed);
    }
}
