package uk.alluris.marketing.campaigns;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends campaigns in the background, off the request that created them: woken at once by a new campaign, and every
 * {@code alluris.marketing.campaigns.poll-interval} to take over any campaign left sending by an instance that died
 * (its lease expired). One sending thread per instance, campaigns one after another; replicas share the work through
 * the leases.
 */
@Component
class CampaignDriving implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CampaignDriving.class);

    private final CampaignLeases leases;
    private final CampaignSender sender;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "campaign-sender");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean busy = new AtomicBoolean();

    CampaignDriving(CampaignLeases leases, CampaignSender sender) {
        this.leases = leases;
        this.sender = sender;
    }

    /** Starts sending whatever is due, unless this instance's sender is already at work (it will get there). */
    @Scheduled(fixedDelayString = "${alluris.marketing.campaigns.poll-interval:2s}", initialDelayString = "1s")
    void wake() {
        if (busy.compareAndSet(false, true)) {
            worker.execute(this::sendAllDue);
        }
    }

    private void sendAllDue() {
        try {
            for (Optional<Campaign> due = leases.takeDue(); due.isPresent(); due = leases.takeDue()) {
                sender.drive(due.get());
            }
        } catch (RuntimeException e) {
            // the store or the mail server failed: the lease runs out and the campaign is taken up again
            log.warn("campaign sending stopped: {}", e.toString());
        } finally {
            busy.set(false);
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
