package uk.alluris.kit.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.alluris.testsupport.EmbeddedInfrastructure;

/** Two replicas (each its own client of the same store) fire the same job at the same tick: it runs once. */
class JobLocksIntegrationTest {

    private final String database = EmbeddedInfrastructure.freshDatabaseName("locks");
    private final MongoClient first = MongoClients.create(EmbeddedInfrastructure.get().mongoUri());
    private final MongoClient second = MongoClients.create(EmbeddedInfrastructure.get().mongoUri());

    @AfterEach
    void close() {
        first.close();
        second.close();
    }

    @Test
    void whileOneReplicaRunsAJobTheOtherSkipsThatTickAndRunsALaterOne() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Runnable job = () -> {
            runs.incrementAndGet();
            running.countDown();
            awaitQuietly(release);
        };
        Runnable onFirst = replica(first).locked("reports.send", job, Duration.ofMillis(200));
        Runnable onSecond = replica(second).locked("reports.send", job, Duration.ofMillis(200));

        CompletableFuture<Void> firstTick = CompletableFuture.runAsync(onFirst);
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        onSecond.run();
        release.countDown();
        firstTick.get(10, TimeUnit.SECONDS);

        assertThat(runs).hasValue(1);
        // once the lock's least hold (nine tenths of the interval) has passed, the other replica takes the next tick
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            onSecond.run();
            return runs.get() == 2;
        });
    }

    @Test
    void eachJobHasALockOfItsOwnAndOneJobsLongerHoldCanBeConfigured() {
        JobLockSettings settings = new JobLockSettings(Duration.ofMinutes(10), Map.of("reports.send", Duration.ofMinutes(30)));

        assertThat(settings.lockAtMostFor("reports.send")).isEqualTo(Duration.ofMinutes(30));
        assertThat(settings.lockAtMostFor("reminders.send")).isEqualTo(Duration.ofMinutes(10));
        AtomicInteger runs = new AtomicInteger();
        replica(first).locked("job-a", runs::incrementAndGet, Duration.ofHours(1)).run();
        replica(second).locked("job-b", runs::incrementAndGet, Duration.ofHours(1)).run();
        replica(second).locked("job-a", runs::incrementAndGet, Duration.ofHours(1)).run();

        assertThat(runs).hasValue(2);
        assertThat(first.getDatabase(database).getCollection("shedLock").countDocuments()).isEqualTo(2);
    }

    private JobLocks replica(MongoClient client) {
        return new JobLocks(new DefaultLockingTaskExecutor(new MongoLockProvider(client.getDatabase(database))),
                new JobLockSettings(Duration.ofMinutes(10), Map.of()), Clock.systemUTC());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
