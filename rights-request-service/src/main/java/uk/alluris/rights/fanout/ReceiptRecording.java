package uk.alluris.rights.fanout;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import uk.alluris.events.ExportPartIssued;
import uk.alluris.events.ReceiptIssued;
import uk.alluris.rights.request.Exports;
import uk.alluris.rights.request.PrivacyRequest;
import uk.alluris.rights.request.PrivacyRequests;
import uk.alluris.rights.request.RequestCompleted;
import uk.alluris.rights.request.RequestStatus;

/**
 * Files each service's receipt against its request. A repeated receipt, or one from a service outside the registry,
 * changes nothing; a concurrent change to the same request (a chase) is re-read and re-applied. Only an access or
 * portability receipt that carries a sealed export goes to the export feature, which keeps it (still sealed) before
 * the receipt counts. Once the last receipt completes the request, {@link RequestCompleted} is published.
 */
@Component
class ReceiptRecording {

    private static final Logger log = LoggerFactory.getLogger(ReceiptRecording.class);
    private static final int ATTEMPTS = 5;

    private final PrivacyRequests requests;
    private final Clock clock;
    private final Exports exports;
    private final ApplicationEventPublisher events;
    private final ExportPartsAssembly parts;

    ReceiptRecording(PrivacyRequests requests, Clock clock, Exports exports, ApplicationEventPublisher events,
            ExportPartsAssembly parts) {
        this.parts = parts;
        this.requests = requests;
        this.clock = clock;
        this.exports = exports;
        this.events = events;
    }

    /**
     * Handed each receipt once by the kit's typed consumer ({@link FanOutConfiguration}); a receipt whose export came
     * in parts is recorded once every part is here (see {@link ExportPartsAssembly}).
     */
    void record(ReceiptIssued receipt) {
        if (receipt.exportInParts()) {
            parts.complete(receipt).ifPresent(this::recordJoined);
        } else {
            recordWhole(receipt);
        }
    }

    /** A part of the export a receipt names, handed once by the same consumer. */
    void part(ExportPartIssued part) {
        parts.keep(part).ifPresent(this::recordJoined);
    }

    private void recordJoined(ReceiptIssued joined) {
        recordWhole(joined);
        parts.done(joined);
    }

    private void recordWhole(ReceiptIssued receipt) {
        for (int attempt = 1; ; attempt++) {
            try {
                Optional<PrivacyRequest> completed = recordOnce(receipt);
                completed.ifPresent(request -> events.publishEvent(
                        new RequestCompleted(request.id(), request.type(), request.completedAt())));
                return;
            } catch (OptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Returns the request when this receipt completed it. */
    private Optional<PrivacyRequest> recordOnce(ReceiptIssued receipt) {
        Optional<PrivacyRequest> found = requests.findById(receipt.requestId());
        if (found.isEmpty()) {
            log.warn("receipt for unknown request {} from {}", receipt.requestId(), receipt.service());
            return Optional.empty();
        }
        PrivacyRequest request = found.get();
        Instant now = clock.instant();
        if (request.type().isExport() && receipt.sealedExport() != null
                && request.answers().containsKey(receipt.service())) {
            exports.keep(request, receipt, now);
        }
        if (!request.answer(receipt.service(), receipt.categories(), now)) {
            return Optional.empty();
        }
        PrivacyRequest saved = requests.save(request);
        return saved.status() == RequestStatus.COMPLETED ? Optional.of(saved) : Optional.empty();
    }
}
