package uk.alluris.kit.apidocs;

import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.License;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/** The platform's OpenAPI conventions in every service that describes its API with springdoc. */
@AutoConfiguration
@ConditionalOnClass(name = "org.springdoc.core.customizers.OpenApiCustomizer")
public class ApiDocsAutoConfiguration {

    @Bean
    PlatformApiConventions platformApiConventions(@Value("${spring.application.name}") String service,
            @Value("${alluris.register.controller}") String controller,
            @Value("${alluris.register.contact}") String contact,
            @Value("${alluris.api-docs.licence}") String licence) {
        return new PlatformApiConventions(service, new Contact().name(controller).email(contact),
                new License().name(licence));
    }

    @Bean
    PagingParameters pagingQueryParametersInApiDocs() {
        return new PagingParameters();
    }
}
