package uk.alluris.gateway.frontdoor;

import java.time.Duration;

/** A caller over its rate limit; answered with 429 and Retry-After. */
public class TooManyRequests extends RuntimeException {

    private final Duration retryAfter;

    public TooManyRequests(Duration retryAfter) {
        super("too many requests; try again in " + Math.max(1, retryAfter.toSeconds()) + " seconds");
        this.retryAfter = retryAfter;
    }

    public long retryAfterSeconds() {
        return Math.max(1, (long) Math.ceil(retryAfter.toMillis() / 1000.0));
    }
}
