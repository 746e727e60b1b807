package uk.alluris.gateway.frontdoor;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problem details the gateway writes itself, before or outside any controller (limits, CSRF). Written with Spring's
 * problem-detail mix-in so that the body holds no null members ({@code instance}, {@code properties}) and any extra
 * properties sit at the top level, as RFC 9457 has them.
 * <p>
 * A refusal comes before anyone has read the request's body. Answering while that body is still arriving left the
 * keep-alive connection stuck: the caller's next request on it got no answer until the caller gave up (the 20 s
 * stall seen after a 429). So a refused body within the size limit is read and dropped first, and a connection
 * whose body is too large, or of unknown length, is closed after the answer.
 */
final class ProblemResponses {

    private static final JsonMapper JSON = JsonMapper.builder()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();

    private ProblemResponses() {
    }

    /** Refuses a request whose body is known to be within the size limit: the body is drained first. */
    static Mono<Void> afterDraining(ServerWebExchange exchange, HttpStatus status, String title, String detail,
            Optional<Duration> retryAfter) {
        return exchange.getRequest().getBody().doOnNext(DataBufferUtils::release)
                .onErrorResume(unreadable -> Mono.empty())
                .then(Mono.defer(() -> write(exchange.getResponse(), status, title, detail, retryAfter)));
    }

    /** Refuses a request whose body will not be read (too large, or of unknown length): the connection is closed. */
    static Mono<Void> closing(ServerWebExchange exchange, HttpStatus status, String title, String detail,
            Optional<Duration> retryAfter) {
        exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
        return write(exchange.getResponse(), status, title, detail, retryAfter);
    }

    private static Mono<Void> write(ServerHttpResponse response, HttpStatus status, String title, String detail,
            Optional<Duration> retryAfter) {
        if (response.isCommitted()) {
            return Mono.empty();
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        response.setStatusCode(status);
        response.getHeaders().set(HttpHeaders.CONTENT_TYPE, "application/problem+json");
        retryAfter.ifPresent(wait -> response.getHeaders().set(HttpHeaders.RETRY_AFTER,
                String.valueOf(Math.max(1, (long) Math.ceil(wait.toMillis() / 1000.0)))));
        byte[] body = JSON.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
