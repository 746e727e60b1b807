package uk.alluris.rights.request;

import java.time.Instant;
import java.util.List;
import uk.alluris.events.CategoryOutcome;

/**
 * One registered service's part in a request: when it was last asked, how often, and its receipt once it answered.
 */
public record ServiceAnswer(Instant lastAskedAt, int timesAsked, Instant answeredAt, List<CategoryOutcome> receipt) {

    public static ServiceAnswer askedAt(Instant at) {
        return new ServiceAnswer(at, 1, null, null);
    }

    public boolean answered() {
        return answeredAt != null;
    }

    public ServiceAnswer askedAgainAt(Instant at) {
        return new ServiceAnswer(at, timesAsked + 1, answeredAt, receipt);
    }

    public ServiceAnswer answer(Instant at, List<CategoryOutcome> categories) {
        return new ServiceAnswer(lastAskedAt, timesAsked, at, List.copyOf(categories));
    }
}
