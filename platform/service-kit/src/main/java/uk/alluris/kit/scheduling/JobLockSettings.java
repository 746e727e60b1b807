package uk.alluris.kit.scheduling;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a replica may hold a job's lock ({@code alluris.scheduling.locks.*}): {@code lockAtMostFor} for every job,
 * {@code jobs.<lock name>} for one (a lock is named after its job's class and method, e.g.
 * {@code "[uk.alluris.rights.fanout.Chasing.chase]": PT2M}). A replica that dies while holding a lock keeps the job
 * from running elsewhere until then, so it should be a little longer than the job's longest run, no more.
 */
@ConfigurationProperties("alluris.scheduling.locks")
public record JobLockSettings(@DefaultValue("PT2M") Duration lockAtMostFor, Map<String, Duration> jobs) {

    public JobLockSettings {
        jobs = jobs == null ? Map.of() : Map.copyOf(jobs);
    }

    Duration lockAtMostFor(String job) {
        return jobs.getOrDefault(job, lockAtMostFor);
    }
}
