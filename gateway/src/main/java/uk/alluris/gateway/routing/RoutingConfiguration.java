package uk.alluris.gateway.routing;

import java.net.ConnectException;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory.BackoffConfig;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory.RetryConfig;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * One route per service for the paths it owns, one to its health at {@code /services/<name>/health}, which says
 * only UP or DOWN, and one to its OpenAPI document at {@code /api-docs/<name>}. Every route has its own circuit breaker with a fallback naming the service (a 503 problem; DOWN for
 * health); only idempotent methods are retried.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewayRoutes.class)
class RoutingConfiguration {

    @Bean
    RouteLocator serviceRoutes(RouteLocatorBuilder builder, GatewayRoutes routes) {
        RouteLocatorBuilder.Builder all = builder.routes();
        routes.services().forEach((name, service) -> {
            if (!service.paths().isEmpty()) {
                all.route(name, route -> route.path(service.paths().toArray(String[]::new))
                        .filters(filters -> guarded(filters, name, "/fallback/" + name))
                        .uri(service.uri()));
            }
            all.route(name + "-health", route -> route.path("/services/" + name + "/health")
                    .filters(filters -> guarded(filters.setPath("/actuator/health")
                            .modifyResponseBody(String.class, String.class, MediaType.APPLICATION_JSON_VALUE,
                                    new HealthStatusOnly()), name, "/fallback/" + name + "/health"))
                    .uri(service.uri()));
            // integrators read every service's OpenAPI document in one place (docs/observability.md, "API documents")
            all.route(name + "-api-docs", route -> route.method(HttpMethod.GET).and().path("/api-docs/" + name)
                    .filters(filters -> guarded(filters.setPath("/v3/api-docs"), name, "/fallback/" + name))
                    .uri(service.uri()));
        });
        return all.build();
    }

    private static GatewayFilterSpec guarded(GatewayFilterSpec filters, String service, String fallback) {
        return filters
                .circuitBreaker(breaker -> breaker.setName(service).setFallbackUri("forward:" + fallback))
                .retry(RoutingConfiguration::idempotentOnly);
    }

    private static void idempotentOnly(RetryConfig retry) {
        retry.setRetries(2);
        retry.setMethods(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
        // only a call that never reached the service is tried again; a 5xx answer is an answer, not a lost call
        retry.setSeries();
        retry.setStatuses();
        retry.setExceptions(ConnectException.class);
        retry.setBackoff(new BackoffConfig(Duration.ofMillis(50), Duration.ofMillis(500), 2, true));
    }
}
