package uk.alluris.rights.bundle;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import uk.alluris.kit.retention.RetainedCategory;
import uk.alluris.kit.retention.RetentionDay;

/**
 * Access bundles ({@code access-bundles} in the register) end their period after they became ready: deleted and
 * their key destroyed, as when their download period runs out (whichever comes first). It lives in the bundle
 * feature, the only code that may reach bundles.
 */
@Component
class AccessBundleRetention implements RetainedCategory {

    private final Bundles bundles;
    private final Clock clock;

    AccessBundleRetention(Bundles bundles, Clock clock) {
        this.bundles = bundles;
        this.clock = clock;
    }

    @Override
    public String category() {
        return "access-bundles";
    }

    @Override
    public long eraseEnded(RetentionDay day) {
        return bundles.expireReadyBefore(day.endedBefore(), clock.instant());
    }

    @Override
    public Ending ending(RetentionDay day) {
        List<Instant> ready = bundles.readyTimesBefore(day.endedBefore());
        return Ending.stamped(ready.size(), ready.stream().min(Comparable::compareTo), day);
    }
}
