package uk.alluris.web.privacycentre;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The centre's assets live under its own prefix, {@code /privacy/assets/}, so they need no sign-in: its CSS and script
 * from {@code static/privacy/assets/}, and htmx from its webjar (the CSP allows scripts from this origin only).
 */
@Configuration(proxyBeanMethods = false)
class PrivacyCentreAssets implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/privacy/assets/htmx/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/htmx.org/2.0.7/dist/");
    }
}
