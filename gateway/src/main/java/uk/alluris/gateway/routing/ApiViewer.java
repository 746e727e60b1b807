package uk.alluris.gateway.routing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Properties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The interactive API viewer at {@code /api-docs/}: Swagger UI from its webjar, served by the gateway itself (no CDN),
 * with our own page and {@code swagger-initializer.js} listing every service's document at {@code /api-docs/<name>}.
 * Both are static files, so the gateway's content security policy ({@code script-src 'self'; style-src 'self'})
 * holds for the viewer too. The documents' own routes are more specific gateway routes and win over these files.
 */
@Configuration(proxyBeanMethods = false)
class ApiViewer implements WebFluxConfigurer {

    static final String PATH = "/api-docs/";
    private static final String PAGE = "api-viewer/index.html";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        // our page and initializer first, so the webjar's own (which points at a demo document) are never served
        registry.addResourceHandler(PATH + "**")
                .addResourceLocations("classpath:/api-viewer/", "classpath:" + webjarFolder());
    }

    @Bean
    RouterFunction<ServerResponse> apiViewerPage() {
        ClassPathResource page = new ClassPathResource(PAGE);
        return RouterFunctions.route()
                // the page's relative links need the trailing slash
                .GET("/api-docs", request -> ServerResponse.permanentRedirect(URI.create(PATH)).build())
                .GET(PATH, request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(page))
                .build();
    }

    /** The webjar's folder for the version on the classpath, read from its own Maven metadata, so an upgrade needs no edit. */
    private static String webjarFolder() {
        Properties maven = new Properties();
        try (InputStream in = new ClassPathResource("META-INF/maven/org.webjars/swagger-ui/pom.properties").getInputStream()) {
            maven.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("the swagger-ui webjar is not on the classpath", e);
        }
        return "/META-INF/resources/webjars/swagger-ui/" + maven.getProperty("version") + "/";
    }
}
