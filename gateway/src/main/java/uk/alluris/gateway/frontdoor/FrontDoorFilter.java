package uk.alluris.gateway.frontdoor;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every request meets first: a body-size limit (413) and, on sign-in and the endpoints open without an account,
 * a rate limit per client address (429 with Retry-After). Both answer in problem details.
 */
@Component
class FrontDoorFilter implements WebFilter, Ordered {

    private static final AntPathMatcher PATHS = new AntPathMatcher();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final FrontDoorProperties properties;
    private final RateLimiter limiter;

    FrontDoorFilter(FrontDoorProperties properties, RateLimiter limiter) {
        this.properties = properties;
        this.limiter = limiter;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (request.getHeaders().getContentLength() > properties.maxBody().toBytes()) {
            return refuse(exchange.getResponse(), HttpStatus.CONTENT_TOO_LARGE, "Request too large",
                    "the request body is larger than " + properties.maxBody().toKilobytes() + " KB", Optional.empty());
        }
        Optional<String> scope = scopeOf(request);
        if (scope.isEmpty()) {
            return chain.filter(exchange);
        }
        int limit = scope.get().equals("auth") ? properties.authPerMinute() : properties.publicPerMinute();
        String address = ClientAddress.of(exchange, properties.trustedProxies());
        Optional<Duration> wait = limiter.take(scope.get(), address, limit, Duration.ofMinutes(1));
        if (wait.isPresent()) {
            return refuse(exchange.getResponse(), HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                    "too many requests from this address; try again later", wait);
        }
        return chain.filter(exchange);
    }

    private static Optional<String> scopeOf(ServerHttpRequest request) {
        String path = request.getPath().value();
        if (path.startsWith("/auth/")) {
            return Optional.of("auth");
        }
        boolean openWithoutAccount = path.startsWith("/webhooks/")
                || (request.getMethod() == HttpMethod.POST && (path.equals("/api/privacy/requests")
                        || PATHS.match("/api/privacy/requests/*/verification", path)))
                // the access bundle, downloaded with the request's own token; marketing's double opt-in and unsubscribe
                || (request.getMethod() == HttpMethod.GET && PATHS.match("/api/privacy/requests/*/bundle", path)
                        && !request.getHeaders().containsHeader("Authorization"))
                || path.startsWith("/api/marketing/subscriptions") || path.startsWith("/api/marketing/unsubscribe");
        return openWithoutAccount ? Optional.of("public") : Optional.empty();
    }

    private static Mono<Void> refuse(ServerHttpResponse response, HttpStatus status, String title, String detail,
            Optional<Duration> retryAfter) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        response.setStatusCode(status);
        response.getHeaders().set("Content-Type", "application/problem+json");
        retryAfter.ifPresent(wait -> response.getHeaders().set("Retry-After",
                String.valueOf(Math.max(1, (long) Math.ceil(wait.toMillis() / 1000.0)))));
        byte[] body = JSON.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
