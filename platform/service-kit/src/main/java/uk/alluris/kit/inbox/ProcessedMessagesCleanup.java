package uk.alluris.kit.inbox;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Expires processed-message records hourly where the store ignores TTL indexes (the embedded one), so local data
 * stays bounded too; on MongoDB the index has usually removed them already and a round finds nothing.
 */
class ProcessedMessagesCleanup implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProcessedMessagesCleanup.class);

    private final ProcessedMessages processed;
    private volatile ScheduledExecutorService executor;

    ProcessedMessagesCleanup(ProcessedMessages processed) {
        this.processed = processed;
    }

    private void expire() {
        try {
            long removed = processed.expire();
            if (removed > 0) {
                log.info("{} processed-message records past their retention removed", removed);
            }
        } catch (RuntimeException e) {
            log.warn("processed-message cleanup failed, the next round tries again: {}", e.toString());
        }
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "processed-cleanup"));
        executor.scheduleWithFixedDelay(this::expire, 1, 60, TimeUnit.MINUTES);
    }

    @Override
    public void stop() {
        executor.shutdownNow();
        executor = null;
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
