package uk.alluris.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Kills a service's handling of a privacy request at each point of it in turn and delivers the request again: the
 * receipt must equal the one a run without a crash gives for the same data. The points are those a clean run reports
 * to the kit's privacy journal ({@code PrivacyEffects.onCheckpoint}); only the test's own thread is stopped, so a
 * request arriving from Kafka meanwhile is not.
 */
public final class CrashDrill {

    /** One fresh person's data and a request about them. */
    public interface Attempt<R> {

        /** Hands the request to the service, as a (re)delivery from Kafka does. */
        void deliver();

        /** The receipt the service keeps for the request. */
        R receipt();
    }

    private CrashDrill() {
    }

    /**
     * @param listen installs the checkpoint listener of the service's privacy journal ({@code null} removes it)
     * @param seeded seeds a fresh person like every other and returns the request about them
     * @return the points a clean run passed, each of which a crash was injected at
     */
    public static <R> List<String> atEveryPoint(Consumer<Consumer<String>> listen, Supplier<Attempt<R>> seeded) {
        Thread test = Thread.currentThread();
        List<String> points = new ArrayList<>();
        Attempt<R> clean = seeded.get();
        listen.accept(point -> {
            if (Thread.currentThread() == test) {
                points.add(point);
            }
        });
        try {
            clean.deliver();
        } finally {
            listen.accept(null);
        }
        R expected = clean.receipt();
        assertThat(points).isNotEmpty();
        for (int crashAt = 1; crashAt <= points.size(); crashAt++) {
            Attempt<R> attempt = seeded.get();
            AtomicInteger reached = new AtomicInteger();
            int stopAt = crashAt;
            listen.accept(point -> {
                if (Thread.currentThread() == test && reached.incrementAndGet() == stopAt) {
                    throw new IllegalStateException("killed at " + point);
                }
            });
            try {
                assertThatThrownBy(attempt::deliver).hasMessageContaining("killed at " + points.get(crashAt - 1));
            } finally {
                listen.accept(null);
            }
            attempt.deliver();
            assertThat(attempt.receipt()).as("receipt after a crash at '%s' and a redelivery", points.get(crashAt - 1))
                    .isEqualTo(expected);
        }
        return points;
    }
}
