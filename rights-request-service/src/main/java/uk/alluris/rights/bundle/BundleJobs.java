package uk.alluris.rights.bundle;

import java.time.Clock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every {@code alluris.rights.bundle-check-every} (default 1 min): makes ready the bundles of requests that completed
 * while nobody heard it, sends ready-mails that did not go out, and expires bundles whose
 * {@code alluris.rights.bundle-ttl} has run out. The time comes from the {@link Clock} bean; a test calls
 * {@link Bundles#expireDue} with the instant it wants.
 */
@Component
class BundleJobs {

    private final BundleReadiness readiness;
    private final Bundles bundles;
    private final Clock clock;

    BundleJobs(BundleReadiness readiness, Bundles bundles, Clock clock) {
        this.readiness = readiness;
        this.bundles = bundles;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${alluris.rights.bundle-check-every:1m}",
            initialDelayString = "${alluris.rights.bundle-check-every:1m}")
    void run() {
        readiness.readyEveryCompleted();
        bundles.sendPendingNotices();
        bundles.expireDue(clock.instant());
    }
}
