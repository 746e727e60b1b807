package uk.alluris.records.keys;

import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration(proxyBeanMethods = false)
class KeysConfiguration {

    @Bean
    SubjectKeys subjectKeys(MongoTemplate mongo, @Value("${alluris.records.master-keyset}") String masterKeyset,
            Clock clock) {
        return new SubjectKeys(mongo, masterKeyset, clock);
    }

    @Bean
    FieldCipher fieldCipher(SubjectKeys keys) {
        return new FieldCipher(keys);
    }
}
