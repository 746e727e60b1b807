package uk.alluris.gateway.frontdoor;

import java.time.Duration;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * What every request meets first, in this order: a path in its one canonical spelling (400 otherwise), so that the
 * path every limit sees is the path routing sees; on sign-in and the endpoints open without an account, a rate limit
 * per client address (429 with Retry-After; IPv6 per /64); and a body-size limit (413), enforced while a chunked
 * body streams in. All answer in problem details.
 */
@Component
class FrontDoorFilter implements WebFilter, Ordered {

    private static final AntPathMatcher PATHS = new AntPathMatcher();
    /**
     * The longest path and query answered. Netty reads request lines up to server.netty.max-initial-line-length
     * (16 KB, set higher than this) so that an overlong one reaches this filter and gets a problem, not an empty 414.
     */
    static final int MAX_URI_LENGTH = 4096;
    /**
     * The most header bytes answered (names and values), as the services' own Tomcat limit. Netty reads headers up to
     * server.max-http-request-header-size (64 KB, set higher) so that a huge one gets a problem here, not an empty 431.
     */
    static final int MAX_HEADER_BYTES = 8 * 1024;

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
        Optional<String> notCanonical = CanonicalPath.problemWith(request.getURI().getRawPath());
        long maxBody = bodyLimit(request).toBytes();
        boolean bodyWithinLimit = !BoundedBody.unbounded(request) && request.getHeaders().getContentLength() <= maxBody;
        String rawQuery = request.getURI().getRawQuery();
        if (request.getURI().getRawPath().length() + (rawQuery == null ? 0 : rawQuery.length()) > MAX_URI_LENGTH) {
            return refuse(exchange, bodyWithinLimit, HttpStatus.URI_TOO_LONG, "Address too long",
                    "the path and query may be at most " + MAX_URI_LENGTH + " characters", Optional.empty());
        }
        if (headerBytes(request) > MAX_HEADER_BYTES) {
            return refuse(exchange, bodyWithinLimit, HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "Headers too large",
                    "the request's headers may be at most " + MAX_HEADER_BYTES / 1024 + " KB together", Optional.empty());
        }
        if (notCanonical.isPresent()) {
            return refuse(exchange, bodyWithinLimit, HttpStatus.BAD_REQUEST, "Invalid path", notCanonical.get(),
                    Optional.empty());
        }
        Optional<String> scope = scopeOf(request.getMethod(), CanonicalPath.forLimits(request.getURI().getRawPath()),
                request.getHeaders().containsHeader("Authorization"));
        if (scope.isPresent()) {
            int limit = scope.get().equals("auth") ? properties.authPerMinute() : properties.publicPerMinute();
            String bucket = ClientAddress.bucketOf(ClientAddress.of(exchange, properties.trustedProxies()));
            Optional<Duration> wait = limiter.take(scope.get(), bucket, limit, Duration.ofMinutes(1));
            if (wait.isPresent()) {
                return refuse(exchange, bodyWithinLimit, HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                        "too many requests from this address; try again later", wait);
            }
        }
        if (request.getHeaders().getContentLength() > maxBody) {
            return tooLarge(exchange, bodyLimit(request));
        }
        if (!BoundedBody.unbounded(request)) {
            return chain.filter(exchange);
        }
        return BoundedBody.within(request, (int) Math.min(Integer.MAX_VALUE, maxBody))
                .map(Optional::of)
                .onErrorResume(DataBufferLimitException.class, tooMuch -> Mono.just(Optional.empty()))
                .flatMap(bounded -> bounded.isPresent()
                        ? chain.filter(exchange.mutate().request(bounded.get()).build())
                        : tooLarge(exchange, bodyLimit(request)));
    }

    private static long headerBytes(ServerHttpRequest request) {
        long bytes = 0;
        for (var header : request.getHeaders().headerSet()) {
            for (String value : header.getValue()) {
                bytes += header.getKey().length() + value.length() + 4;
            }
        }
        return bytes;
    }

    private static Mono<Void> tooLarge(ServerWebExchange exchange, DataSize limit) {
        return ProblemResponses.closing(exchange, HttpStatus.CONTENT_TOO_LARGE, "Request too large",
                "the request body is larger than " + limit.toKilobytes() + " KB", Optional.empty());
    }

    /** A clinical photo's upload may be larger than any other body; records-service keeps its own, tighter check. */
    private DataSize bodyLimit(ServerHttpRequest request) {
        boolean upload = request.getMethod() == HttpMethod.POST
                && PATHS.match("/api/records/subjects/*/photos", CanonicalPath.forLimits(request.getURI().getRawPath()));
        return upload ? properties.maxUpload() : properties.maxBody();
    }

    private static Mono<Void> refuse(ServerWebExchange exchange, boolean bodyWithinLimit, HttpStatus status,
            String title, String detail, Optional<Duration> retryAfter) {
        return bodyWithinLimit ? ProblemResponses.afterDraining(exchange, status, title, detail, retryAfter)
                : ProblemResponses.closing(exchange, status, title, detail, retryAfter);
    }

    /** Which limit a request counts against, decided on the canonical, lower-cased path. */
    static Optional<String> scopeOf(HttpMethod method, String path, boolean bearer) {
        if (path.startsWith("/auth/")) {
            return Optional.of("auth");
        }
        boolean openWithoutAccount = path.startsWith("/webhooks/")
                || (method == HttpMethod.POST && (path.equals("/api/privacy/requests")
                        || PATHS.match("/api/privacy/requests/*/verification", path)))
                // the access bundle, downloaded with the request's own token; marketing's double opt-in and unsubscribe
                || (method == HttpMethod.GET && PATHS.match("/api/privacy/requests/*/bundle", path) && !bearer)
                || path.startsWith("/api/marketing/subscriptions") || path.startsWith("/api/marketing/unsubscribe")
                // a website visitor's cookie choice (the banner itself is a cached file, not limited)
                || (method == HttpMethod.POST && PATHS.match("/api/consents/visitors/*/decisions", path))
                // the privacy centre's forms (filing a request, entering its code) and its bundle download: web calls
                // rights-request-service directly, so the visitor's address is counted here, at the only door it has
                || (method == HttpMethod.POST && (path.equals("/privacy") || path.startsWith("/privacy/")))
                || (method == HttpMethod.GET && PATHS.match("/privacy/requests/*/bundle", path))
                // the register of processing: public, cacheable, the same for everyone, so counted with or without a
                // sign-in (the portal's pages read it through web, which calls the service directly)
                || (method == HttpMethod.GET && path.equals("/api/privacy/register"))
                // a requester following their request with its follow token
                || (method == HttpMethod.GET && PATHS.match("/api/privacy/requests/*/progress", path) && !bearer);
        return openWithoutAccount ? Optional.of("public") : Optional.empty();
    }
}
