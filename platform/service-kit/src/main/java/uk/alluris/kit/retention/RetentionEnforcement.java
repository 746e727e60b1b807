package uk.alluris.kit.retention;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import uk.alluris.kit.register.ProcessingRegister;
import uk.alluris.kit.register.ProcessingRegister.DataCategory;

/**
 * The service's retention job: for every category the register says this service holds, ends what has passed its
 * end date through the category's {@link RetainedCategory}, and logs what it ended ({@link RetentionLog}). Dates
 * are the clinic's (Europe/London). Restriction and objection do not stop it: ending data is not the processing
 * the person objected to.
 */
public class RetentionEnforcement {

    private static final Logger log = LoggerFactory.getLogger(RetentionEnforcement.class);

    private final ProcessingRegister register;
    private final String service;
    private final Map<String, List<RetainedCategory>> enforcers;
    private final RetentionLog retentionLog;
    private final Clock clock;

    RetentionEnforcement(ProcessingRegister register, String service, List<RetainedCategory> enforcers,
            RetentionLog retentionLog, Clock clock) {
        this.register = register;
        this.service = service;
        // one category may live in several aggregates (payments and deposits): each ends its own
        this.enforcers = enforcers.stream().collect(Collectors.groupingBy(RetainedCategory::category));
        this.retentionLog = retentionLog;
        this.clock = clock;
    }

    /** The scheduled run: every replica may call it; the platform's scheduler lock lets one run at a time. */
    @Scheduled(fixedDelayString = "${alluris.retention.check-every:PT1H}",
            initialDelayString = "${alluris.retention.first-check-after:PT2M}")
    public void enforceRetention() {
        enforce(clock);
    }

    /** Ends what has passed its date as seen by {@code at} (tests pass an adjustable clock); what was logged. */
    public List<RetentionLog.Entry> enforce(Clock at) {
        LocalDate today = LocalDate.now(at.withZone(RetentionDay.CLINIC));
        List<RetentionLog.Entry> done = new ArrayList<>();
        for (DataCategory category : held()) {
            List<RetainedCategory> enders = enforcers.getOrDefault(category.key(), List.of());
            if (enders.isEmpty()) {
                continue;
            }
            RetentionDay day = new RetentionDay(category.key(), category.retention(), today);
            try {
                long erased = enders.stream().mapToLong(ender -> ender.eraseEnded(day)).sum();
                if (erased > 0) {
                    done.add(retentionLog.record(day, erased, at.instant()));
                    log.info("retention: {} {} record(s) ended as of {}", erased, category.key(), today);
                }
            } catch (RuntimeException e) {
                // one category failing must not keep the others past their dates; the next run tries again
                log.warn("retention of {} failed as of {}: {}", category.key(), today, e.toString());
            }
        }
        return done;
    }

    /** What the next {@code days} days will end, per held category. */
    public RetentionForecast forecast(Clock at, int days) {
        LocalDate today = LocalDate.now(at.withZone(RetentionDay.CLINIC));
        List<RetentionForecast.CategoryForecast> categories = new ArrayList<>();
        for (DataCategory category : held()) {
            var retention = category.retention();
            List<RetainedCategory> enders = enforcers.getOrDefault(category.key(), List.of());
            RetentionDay then = new RetentionDay(category.key(), retention, today).plusDays(days);
            RetainedCategory.Ending ending = enders.stream().map(ender -> ender.ending(then))
                    .reduce(RetainedCategory.Ending.none(), RetainedCategory.Ending::plus);
            LocalDate earliest = ending.earliest().map(date -> date.isBefore(today) ? today : date).orElse(null);
            categories.add(new RetentionForecast.CategoryForecast(category.key(), category.name(),
                    retention.period(), retention.startsAt(), !enders.isEmpty(), ending.count(), earliest));
        }
        return new RetentionForecast(service, today, days, categories);
    }

    public Clock clock() {
        return clock;
    }

    private List<DataCategory> held() {
        return register.categoriesHeldBy(service);
    }
}
