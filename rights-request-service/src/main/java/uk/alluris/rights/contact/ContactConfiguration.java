package uk.alluris.rights.contact;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.alluris.kit.secrets.Keysets;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ContactProperties.class)
class ContactConfiguration {

    @Bean
    ContactSeal contactSeal(ContactProperties properties, Keysets keysets) {
        return new ContactSeal(keysets.aead("ALLURIS_RIGHTS_CONTACT_KEYSET", properties.contactKeyset()));
    }
}
