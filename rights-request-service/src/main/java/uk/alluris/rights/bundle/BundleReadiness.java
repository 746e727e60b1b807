package uk.alluris.rights.bundle;

import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import uk.alluris.rights.request.PrivacyRequest;
import uk.alluris.rights.request.PrivacyRequests;
import uk.alluris.rights.request.RequestCompleted;
import uk.alluris.rights.request.RequestStatus;

/**
 * Makes an export request's bundle ready once the request completes, downloadable for
 * {@code alluris.rights.bundle-ttl} from the completion, and tells the requester. It hears of the completion as it
 * happens ({@link RequestCompleted}); should the service stop in between, {@link BundleJobs} finds the completed
 * request behind a bundle still PENDING and makes it ready then. Nothing here runs for any other request type.
 */
@Component
class BundleReadiness {

    private static final Logger log = LoggerFactory.getLogger(BundleReadiness.class);

    private final BundleRecords bundles;
    private final PrivacyRequests requests;
    private final Bundles notices;
    private final BundleProperties properties;

    BundleReadiness(BundleRecords bundles, PrivacyRequests requests, Bundles notices, BundleProperties properties) {
        this.bundles = bundles;
        this.requests = requests;
        this.notices = notices;
        this.properties = properties;
    }

    /** The receipt that completed the request is recorded whatever happens here: a failure is left to the job. */
    @EventListener
    void on(RequestCompleted completed) {
        if (!completed.type().isExport()) {
            return;
        }
        try {
            ready(completed.requestId(), completed.completedAt());
        } catch (RuntimeException e) {
            log.warn("bundle of request {} could not be made ready yet ({}); it will be tried again",
                    completed.requestId(), e.getClass().getSimpleName());
        }
    }

    /** Every bundle still PENDING whose request has completed (a completion heard by nobody). Returns how many. */
    int readyEveryCompleted() {
        int made = 0;
        for (Bundle pending : bundles.inState(BundleStatus.PENDING)) {
            PrivacyRequest request = requests.findById(pending.requestId).orElse(null);
            if (request != null && request.status() == RequestStatus.COMPLETED) {
                ready(request.id(), request.completedAt());
                made++;
            }
        }
        return made;
    }

    private void ready(UUID id, Instant completedAt) {
        Instant until = completedAt.plus(properties.bundleTtl());
        boolean[] readyNow = new boolean[1];
        bundles.change(id, bundle -> {
            readyNow[0] = bundle.status == BundleStatus.PENDING;
            if (readyNow[0]) {
                bundle.ready(completedAt, until);
            }
        });
        if (!readyNow[0]) {
            return;
        }
        requests.change(id, request -> request.record(completedAt, "rights-request-service", "BUNDLE_READY",
                "every service's export received; downloadable until " + until));
        try {
            notices.notifyReady(id);
        } catch (RuntimeException e) {
            log.warn("bundle of request {} is ready but the mail could not go yet ({}); it will be tried again", id,
                    e.getClass().getSimpleName());
        }
    }
}
