package uk.alluris.booking.deposits;

import java.time.Clock;
import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finishes what the processor could not do when asked: intents not yet opened and refunds not yet made. Safe to run
 * beside the live path and on several replicas: every call carries the same idempotency key as the first.
 */
@Component
class DepositRetries {

    /** Left to the live path first, so a retry does not race the booking's own call. */
    static final Duration GRACE = Duration.ofSeconds(30);

    private final Deposits deposits;
    private final DepositTaking taking;
    private final Clock clock;

    DepositRetries(Deposits deposits, DepositTaking taking, Clock clock) {
        this.deposits = deposits;
        this.taking = taking;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${alluris.booking.processor.retry-interval:PT1M}",
            initialDelayString = "${alluris.booking.processor.retry-interval:PT1M}")
    @SchedulerLock(name = "booking-deposit-retries", lockAtMostFor = "PT5M")
    public void retry() {
        var settled = clock.instant().minus(GRACE);
        deposits.findByStatus(Deposit.Status.REQUESTED).stream().filter(d -> d.recordedAt().isBefore(settled))
                .forEach(d -> taking.openIntent(d.appointmentId()));
        deposits.findByStatus(Deposit.Status.REFUND_DUE).forEach(d -> taking.refund(d.appointmentId()));
    }
}
