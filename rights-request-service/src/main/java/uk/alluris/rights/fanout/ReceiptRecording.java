package uk.alluris.rights.fanout;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import uk.alluris.events.ReceiptIssued;
import uk.alluris.kit.inbox.ProcessedMessages;
import uk.alluris.kit.messaging.CloudEvents;
import uk.alluris.rights.bundle.BundleParts;
import uk.alluris.rights.bundle.BundleProperties;
import uk.alluris.rights.bundle.Bundles;
import uk.alluris.rights.request.PrivacyRequests;

/**
 * Files each service's receipt against its request. A repeated receipt, or one from a service outside the registry,
 * changes nothing; a concurrent change to the same request (a chase) is re-read and re-applied. An access or
 * portability receipt's sealed export is kept (still sealed) before the receipt counts; when the last receipt makes
 * the bundle ready, the requester is told.
 */
@Component
class ReceiptRecording {

    private static final Logger log = LoggerFactory.getLogger(ReceiptRecording.class);
    static final String CONSUMER = "rights-request-service";
    private static final int ATTEMPTS = 5;

    private final PrivacyRequests requests;
    private final ProcessedMessages processed;
    private final Clock clock;
    private final BundleParts parts;
    private final Bundles bundles;
    private final BundleProperties bundleProperties;

    ReceiptRecording(PrivacyRequests requests, ProcessedMessages processed, Clock clock, BundleParts parts,
            Bundles bundles, BundleProperties bundleProperties) {
        this.requests = requests;
        this.processed = processed;
        this.clock = clock;
        this.parts = parts;
        this.bundles = bundles;
        this.bundleProperties = bundleProperties;
    }

    void on(Message<byte[]> message) {
        processed.handleOnce(CONSUMER, message, () -> record((ReceiptIssued) CloudEvents.read(message)));
    }

    private void record(ReceiptIssued receipt) {
        AtomicBoolean bundleReady = new AtomicBoolean();
        for (int attempt = 1; ; attempt++) {
            bundleReady.set(false);
            try {
                requests.findById(receipt.requestId()).ifPresentOrElse(request -> {
                    parts.keep(request, receipt, clock.instant());
                    if (request.answer(receipt.service(), receipt.categories(), clock.instant())) {
                        bundleReady.set(request.afterReceipt(clock.instant(), bundleProperties.bundleTtl()));
                        requests.save(request);
                    }
                }, () -> log.warn("receipt for unknown request {} from {}", receipt.requestId(), receipt.service()));
                if (bundleReady.get()) {
                    tellRequester(receipt);
                }
                return;
            } catch (OptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** The ready mail; if it cannot go now, the bundle job sends it later. The receipt is recorded either way. */
    private void tellRequester(ReceiptIssued receipt) {
        try {
            bundles.notifyReady(receipt.requestId());
        } catch (RuntimeException e) {
            log.warn("bundle of request {} is ready but the mail could not go yet ({}); it will be tried again",
                    receipt.requestId(), e.getClass().getSimpleName());
        }
    }
}
