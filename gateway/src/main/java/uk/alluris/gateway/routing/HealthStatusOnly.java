package uk.alluris.gateway.routing;

import org.springframework.cloud.gateway.filter.factory.rewrite.RewriteFunction;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the public learns of a service's health: UP or DOWN and nothing else. A service's own health lists its
 * components, database names, versions and details, which tell an attacker what to aim at; the gateway keeps only
 * the verdict (anything but an explicit UP, an unreadable body included, is DOWN).
 */
final class HealthStatusOnly implements RewriteFunction<String, String> {

    static final String UP = "{\"status\":\"UP\"}";
    static final String DOWN = "{\"status\":\"DOWN\"}";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public Mono<String> apply(ServerWebExchange exchange, String body) {
        return Mono.just(isUp(body) ? UP : DOWN);
    }

    static boolean isUp(String body) {
        if (body == null || body.isBlank()) {
            return false;
        }
        try {
            return "UP".equals(JSON.readTree(body).path("status").asString(""));
        } catch (JacksonException unreadable) {
            return false;
        }
    }
}
