package uk.alluris.web.pages;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Assets under each area's own prefix — {@code /staff/assets/}, {@code /portal/assets/}, {@code /privacy/assets/}, the
 * prefixes the gateway routes here and each area's security chain lets through without a sign-in. Each area's own CSS
 * and scripts come from {@code static/<area>/assets/}; shared by all: the clinic's base style ({@code common/}) and
 * htmx from its webjar (no CDN: the CSP allows scripts from this origin only).
 */
@Configuration(proxyBeanMethods = false)
class Assets implements WebMvcConfigurer {

    private static final String[] AREAS = { "staff", "portal", "privacy" };

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        for (String area : AREAS) {
            registry.addResourceHandler("/" + area + "/assets/htmx/**")
                    .addResourceLocations("classpath:/META-INF/resources/webjars/htmx.org/2.0.7/dist/");
            registry.addResourceHandler("/" + area + "/assets/common/**").addResourceLocations("classpath:/static/common/");
        }
    }
}
