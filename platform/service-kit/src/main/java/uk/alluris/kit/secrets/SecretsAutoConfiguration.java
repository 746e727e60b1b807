package uk.alluris.kit.secrets;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

@AutoConfiguration
public class SecretsAutoConfiguration {

    /** Plaintext keysets are the local profile's (its committed defaults), or allowed explicitly. */
    @Bean
    Keysets keysets(Environment environment) {
        boolean plaintextAllowed = environment.matchesProfiles(SecretsCheck.LOCAL_PROFILE)
                || environment.getProperty(SecretsGuard.ALLOW_PLAINTEXT_KEYSETS, Boolean.class, false);
        return new Keysets(environment.getProperty(SecretsGuard.KMS_KEY_URI, ""), plaintextAllowed);
    }
}
