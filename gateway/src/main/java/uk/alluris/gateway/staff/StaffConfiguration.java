package uk.alluris.gateway.staff;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.alluris.gateway.staff.mfa.TotpSecretSeal;
import uk.alluris.gateway.tokens.SecretKeyset;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StaffAuthProperties.class)
class StaffConfiguration {

    @Bean
    TotpSecretSeal totpSecretSeal(StaffAuthProperties properties) {
        return new TotpSecretSeal(SecretKeyset.aead(properties.totpKeyset(), "ALLURIS_STAFF_TOTP_KEYSET"));
    }
}
