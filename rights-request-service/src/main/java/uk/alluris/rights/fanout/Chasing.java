package uk.alluris.rights.fanout;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import uk.alluris.rights.request.PrivacyRequest;
import uk.alluris.rights.request.PrivacyRequests;
import uk.alluris.rights.request.RequestStatus;
import uk.alluris.rights.request.ServiceRegistry;

/**
 * Asks silent services again, waiting twice as long after each ask (up to a ceiling), so a service that was down
 * while a request fanned out answers when it is back, without anyone filing the request again.
 */
@Component
class Chasing {

    private final PrivacyRequests requests;
    private final ServiceRegistry registry;
    private final Clock clock;

    Chasing(PrivacyRequests requests, ServiceRegistry registry, Clock clock) {
        this.requests = requests;
        this.registry = registry;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${alluris.rights.chase-every:5s}")
    void chaseSilentServices() {
        Instant now = clock.instant();
        for (PrivacyRequest request : requests.findByStatus(RequestStatus.IN_PROGRESS)) {
            List<String> silent = request.answers().entrySet().stream()
                    .filter(e -> !e.getValue().answered()
                            && e.getValue().lastAskedAt().plus(registry.waitAfter(e.getValue().timesAsked())).isBefore(now))
                    .map(Map.Entry::getKey).toList();
            if (silent.isEmpty()) {
                continue;
            }
            request.askAgain(silent, now);
            try {
                requests.save(request);
            } catch (OptimisticLockingFailureException answeredMeanwhile) {
                // a receipt arrived in between; the next round looks again
            }
        }
    }
}
