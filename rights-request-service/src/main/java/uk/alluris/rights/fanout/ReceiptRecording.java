package uk.alluris.rights.fanout;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import uk.alluris.events.ReceiptIssued;
import uk.alluris.kit.inbox.ProcessedMessages;
import uk.alluris.kit.messaging.CloudEvents;
import uk.alluris.rights.request.PrivacyRequests;

/**
 * Files each service's receipt against its request. A repeated receipt, or one from a service outside the registry,
 * changes nothing; a concurrent change to the same request (a chase) is re-read and re-applied.
 */
@Component
class ReceiptRecording {

    private static final Logger log = LoggerFactory.getLogger(ReceiptRecording.class);
    static final String CONSUMER = "rights-request-service";
    private static final int ATTEMPTS = 5;

    private final PrivacyRequests requests;
    private final ProcessedMessages processed;
    private final Clock clock;

    ReceiptRecording(PrivacyRequests requests, ProcessedMessages processed, Clock clock) {
        this.requests = requests;
        this.processed = processed;
        this.clock = clock;
    }

    void on(Message<byte[]> message) {
        processed.handleOnce(CONSUMER, message, () -> record((ReceiptIssued) CloudEvents.read(message)));
    }

    private void record(ReceiptIssued receipt) {
        for (int attempt = 1; ; attempt++) {
            try {
                requests.findById(receipt.requestId()).ifPresentOrElse(request -> {
                    if (request.answer(receipt.service(), receipt.categories(), clock.instant())) {
                        requests.save(request);
                    }
                }, () -> log.warn("receipt for unknown request {} from {}", receipt.requestId(), receipt.service()));
                return;
            } catch (OptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
