package uk.alluris.rights.register;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.alluris.kit.register.ProcessingRegister;
import uk.alluris.kit.register.RegisterNotices;

@Configuration(proxyBeanMethods = false)
class RegisterConfiguration {

    /** The register as published: built once, from the configuration every service binds (kit register). */
    @Bean
    PublishedRegister publishedRegister(ProcessingRegister register, RegisterNotices notices) {
        return PublishedRegister.of(register, notices);
    }
}
