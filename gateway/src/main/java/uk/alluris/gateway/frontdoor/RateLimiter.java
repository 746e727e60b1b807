package uk.alluris.gateway.frontdoor;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Token buckets per (scope, key): per client address at the front door, and per account inside sign-in. Buckets of
 * callers gone quiet are forgotten after an hour, so memory stays bounded. One gateway instance counts its own
 * traffic; behind a load balancer each instance enforces the limit separately.
 */
@Component
public class RateLimiter {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(1)).maximumSize(200_000).build();

    /** Takes one token; empty when allowed, else how long to wait. */
    public Optional<Duration> take(String scope, String key, int perPeriod, Duration period) {
        Bucket bucket = buckets.get(scope + "|" + key, ignored -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perPeriod).refillIntervally(perPeriod, period).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
}
