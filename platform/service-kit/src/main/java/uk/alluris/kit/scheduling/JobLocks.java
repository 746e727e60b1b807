package uk.alluris.kit.scheduling;

import java.time.Clock;
import java.time.Duration;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;

/**
 * Runs a job only on the replica that holds its lock (ShedLock, locks in the service's own MongoDB, collection
 * {@code shedLock}); the others skip that run. A lock is held for the run and at least nine tenths of the job's
 * interval, so replicas whose timers are not aligned still run each tick once, not once each.
 */
public class JobLocks {

    private final LockingTaskExecutor executor;
    private final JobLockSettings settings;
    private final Clock clock;

    public JobLocks(LockingTaskExecutor executor, JobLockSettings settings, Clock clock) {
        this.executor = executor;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The job, to run under its lock.
     *
     * @param interval how often the job runs (zero for a cron or one-off job: the lock is then held for the run only)
     */
    public Runnable locked(String name, Runnable job, Duration interval) {
        Duration atMost = settings.lockAtMostFor(name);
        Duration atLeast = interval.multipliedBy(9).dividedBy(10);
        Duration held = atLeast.compareTo(atMost) > 0 ? atMost : atLeast;
        return new LockedJob(name, job, () -> executor.executeWithLock(job,
                new LockConfiguration(clock.instant(), name, atMost, held)));
    }

    /** Keeps the job's name (what Spring and ShedLock log) while running it under the lock. */
    private record LockedJob(String name, Runnable job, Runnable underLock) implements Runnable {
        @Override
        public void run() {
            underLock.run();
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
