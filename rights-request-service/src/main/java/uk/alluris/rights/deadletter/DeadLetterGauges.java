package uk.alluris.rights.deadletter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Dead letters per topic for Prometheus ({@value #MESSAGES}, tag {@code topic}: messages held by each consumer
 * group's dead-letter topic), read through the same {@link DeadLetters} staff see. Read in the background every
 * {@code alluris.rights.dead-letter-gauges-every} rather than on a scrape, because Kafka may take seconds to answer
 * (or not answer); {@value #READABLE} says whether the last reading worked. Not a scheduled job: every replica keeps
 * its own reading, so whichever one is scraped tells the truth.
 */
@Component
class DeadLetterGauges implements DisposableBean {

    static final String MESSAGES = "alluris.deadletters.messages";
    static final String READABLE = "alluris.deadletters.readable";
    private static final Logger log = LoggerFactory.getLogger(DeadLetterGauges.class);

    private final DeadLetters deadLetters;
    private final MultiGauge messages;
    private final ScheduledExecutorService reader = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dead-letter-gauges");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean readable;

    DeadLetterGauges(DeadLetters deadLetters, MeterRegistry meters,
            @Value("${alluris.rights.dead-letter-gauges-every:PT30S}") java.time.Duration every) {
        this.deadLetters = deadLetters;
        this.messages = MultiGauge.builder(MESSAGES).description("messages held in each dead-letter topic")
                .register(meters);
        Gauge.builder(READABLE, this, gauges -> gauges.readable ? 1 : 0)
                .description("1 when the dead-letter topics could be read at the last try, else 0").register(meters);
        reader.scheduleWithFixedDelay(this::read, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    void read() {
        try {
            List<DeadLetters.Topic> topics = deadLetters.all();
            messages.register(topics.stream()
                    .map(topic -> MultiGauge.Row.of(Tags.of("topic", topic.name()), topic.messages()))
                    .toList(), true);
            readable = true;
        } catch (RuntimeException e) {
            readable = false;
            log.warn("dead-letter topics not readable for the gauges, will retry: {}", e.toString());
        }
    }

    @Override
    public void destroy() {
        reader.shutdownNow();
    }
}
