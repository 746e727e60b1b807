package uk.alluris.kit.apidocs;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/** The platform's OpenAPI conventions in every service that describes its API with springdoc. */
@AutoConfiguration
@ConditionalOnClass(name = "org.springdoc.core.customizers.OpenApiCustomizer")
public class ApiDocsAutoConfiguration {

    @Bean
    PlatformApiConventions platformApiConventions(@Value("${spring.application.name}") String service) {
        return new PlatformApiConventions(service);
    }
}
