package uk.alluris.records.keys;

import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import uk.alluris.kit.secrets.Keysets;

@Configuration(proxyBeanMethods = false)
class KeysConfiguration {

    @Bean
    SubjectKeys subjectKeys(MongoTemplate mongo, @Value("${alluris.records.master-keyset}") String masterKeyset,
            Keysets keysets, Clock clock) {
        return new SubjectKeys(mongo, keysets.aead("ALLURIS_RECORDS_MASTER_KEYSET", masterKeyset), clock);
    }

    @Bean
    FieldCipher fieldCipher(SubjectKeys keys) {
        return new FieldCipher(keys);
    }
}
