package uk.alluris.kit.register;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Every service knows the register: its retention job reads its own categories from it. */
@AutoConfiguration
@EnableConfigurationProperties({ ProcessingRegister.class, RegisterNotices.class })
public class RegisterAutoConfiguration {

    @Bean
    RegisterCheck registerCheck(ProcessingRegister register) {
        return new RegisterCheck(register);
    }
}
