package uk.alluris.web.pages;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Assets under {@code /staff/assets/}, the one prefix the gateway routes here: the module's own CSS and scripts, and
 * htmx from its webjar (no CDN: the CSP allows scripts from this origin only).
 */
@Configuration(proxyBeanMethods = false)
class Assets implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/staff/assets/htmx/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/htmx.org/2.0.7/dist/");
    }
}
