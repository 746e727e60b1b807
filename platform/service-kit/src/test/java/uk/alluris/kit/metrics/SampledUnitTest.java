package uk.alluris.kit.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SampledUnitTest {

    @Test
    void theStoreIsReadOnceWhileASampleIsFreshAndAgainOnceItIsNot() {
        AtomicLong nanos = new AtomicLong();
        AtomicInteger reads = new AtomicInteger();
        Sampled<Integer> sampled = new Sampled<>(Duration.ofSeconds(5), reads::incrementAndGet, nanos::get);

        assertThat(sampled.get()).isEqualTo(1);
        nanos.addAndGet(Duration.ofSeconds(4).toNanos());
        assertThat(sampled.get()).isEqualTo(1);
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(sampled.get()).isEqualTo(2);
        assertThat(reads).hasValue(2);
    }
}
