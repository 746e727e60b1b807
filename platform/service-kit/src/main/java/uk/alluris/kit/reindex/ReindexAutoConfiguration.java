package uk.alluris.kit.reindex;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import uk.alluris.kit.identity.BlindIndexProperties;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.kit.identity.IdentityAutoConfiguration;

/** The blind-index rotation at start, only while a previous secret is given. */
@AutoConfiguration(after = IdentityAutoConfiguration.class,
        afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@ConditionalOnProperty("alluris.blind-index.previous-secret")
public class ReindexAutoConfiguration {

    @Bean
    @ConditionalOnBean({ MongoTemplate.class, BlindIndexer.class })
    BlindIndexRotationAtStart blindIndexRotationAtStart(MongoTemplate mongo, BlindIndexer current,
            BlindIndexProperties properties, @Value("${alluris.blind-index.previous-secret}") String previousSecret,
            @Value("${alluris.blind-index.bare-index-fields:}") List<String> bareIndexFields) {
        return new BlindIndexRotationAtStart(mongo, current, properties, previousSecret, bareIndexFields);
    }
}
