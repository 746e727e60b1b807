package uk.alluris.kit.testapp;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** A plain scheduled job, with no lock annotation: the kit locks it across replicas all the same. */
@Component
class Heartbeat {

    private final AtomicInteger beats = new AtomicInteger();

    @Scheduled(fixedDelayString = "PT0.5S")
    void beat() {
        beats.incrementAndGet();
    }

    int beats() {
        return beats.get();
    }
}
