package uk.alluris.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The seeded staff's access tokens, signed in again before their 15-minute lifetime ends (a full run takes longer). */
final class StaffTokens {

    private static final Duration RENEW_AFTER = Duration.ofMinutes(10);

    private record Held(String token, Instant signedIn) {
    }

    private final Http http;
    private final Target target;
    private final Map<String, Held> held = new ConcurrentHashMap<>();

    StaffTokens(Http http, Target target) {
        this.http = http;
        this.target = target;
    }

    String reception() {
        return of("reception@alluris.local");
    }

    String clinician() {
        return of("clinician@alluris.local");
    }

    String admin() {
        return of("admin@alluris.local");
    }

    String officer() {
        return of("privacy@alluris.local");
    }

    private String of(String username) {
        return held.compute(username, (name, current) -> current != null
                && current.signedIn().plus(RENEW_AFTER).isAfter(Instant.now()) ? current
                : new Held(http.staffToken(target, name), Instant.now())).token();
    }
}
