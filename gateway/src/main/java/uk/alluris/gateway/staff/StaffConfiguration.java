package uk.alluris.gateway.staff;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.alluris.gateway.staff.mfa.TotpSecretSeal;
import uk.alluris.kit.secrets.Keysets;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StaffAuthProperties.class)
class StaffConfiguration {

    @Bean
    TotpSecretSeal totpSecretSeal(StaffAuthProperties properties, Keysets keysets) {
        return new TotpSecretSeal(keysets.aead("ALLURIS_STAFF_TOTP_KEYSET", properties.totpKeyset()));
    }
}
