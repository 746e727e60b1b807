package uk.alluris.kit.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.Trigger;

/**
 * The scheduler every {@code @Scheduled} method of a service runs through: each task goes to the real scheduler
 * wrapped in its {@link JobLocks lock}, named after the method ({@code uk.alluris.x.Class.method}, what Spring's
 * scheduled-method task calls itself), so no job needs an annotation of its own and every job added later is covered.
 */
class LockedTaskScheduler implements TaskScheduler {

    private final TaskScheduler scheduler;
    private final JobLocks locks;

    LockedTaskScheduler(TaskScheduler scheduler, JobLocks locks) {
        this.scheduler = scheduler;
        this.locks = locks;
    }

    private Runnable locked(Runnable task, Duration interval) {
        return locks.locked(task.toString(), task, interval);
    }

    @Override
    public Clock getClock() {
        return scheduler.getClock();
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable task, Trigger trigger) {
        return scheduler.schedule(locked(task, Duration.ZERO), trigger);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable task, Instant startTime) {
        return scheduler.schedule(locked(task, Duration.ZERO), startTime);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, Instant startTime, Duration period) {
        return scheduler.scheduleAtFixedRate(locked(task, period), startTime, period);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, Duration period) {
        return scheduler.scheduleAtFixedRate(locked(task, period), period);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, Instant startTime, Duration delay) {
        return scheduler.scheduleWithFixedDelay(locked(task, delay), startTime, delay);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, Duration delay) {
        return scheduler.scheduleWithFixedDelay(locked(task, delay), delay);
    }
}
