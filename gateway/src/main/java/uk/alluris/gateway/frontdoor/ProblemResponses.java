package uk.alluris.gateway.frontdoor;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problem details the gateway writes itself, before or outside any controller (limits, CSRF). Written with Spring's
 * problem-detail mix-in so that the body holds no null members ({@code instance}, {@code properties}) and any extra
 * properties sit at the top level, as RFC 9457 has them.
 */
final class ProblemResponses {

    private static final JsonMapper JSON = JsonMapper.builder()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();

    private ProblemResponses() {
    }

    static Mono<Void> write(ServerHttpResponse response, HttpStatus status, String title, String detail,
            Optional<Duration> retryAfter) {
        if (response.isCommitted()) {
            return Mono.empty();
        }
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
