package uk.alluris.web.portal;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The portal's assets under {@code /portal/assets/} (the gateway routes {@code /portal/**} here): its CSS and scripts
 * from {@code static/portal/assets}, and htmx from its webjar (no CDN: the CSP allows scripts from this origin only).
 */
@Configuration(proxyBeanMethods = false)
class PortalAssets implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/portal/assets/htmx/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/htmx.org/2.0.7/dist/");
    }
}
