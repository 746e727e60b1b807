package uk.alluris.kit.outbox;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import uk.alluris.kit.problem.ProblemException;
import uk.alluris.kit.security.CurrentCaller;

/**
 * Staff's view of this service's parked outbox entries (see {@link OutboxParking}): the privacy officer and the
 * administrator, who decide what to do with an event Kafka refused. Paged, newest first; never the payload.
 */
@ResponseBody
@org.springframework.stereotype.Controller
class ParkedOutboxController {

    static final int MAX_SIZE = 100;

    @Schema(description = "One page of this service's parked outbox entries, newest first")
    record ParkedPage(
            @Schema(description = "the page number, from 0", example = "0") int page,
            @Schema(description = "entries per page asked for (1 to 100)", example = "20") int size,
            @Schema(description = "parked entries in all", example = "1") long total,
            @Schema(description = "the entries on this page", example = "[{\"messageId\":\"0b6f2d4e-8c1a-4f3e-9d27-"
                    + "5a8e1c3b7f90\",\"collection\":\"appointments\",\"documentId\":\"6650c1e2a4b5c6d7e8f90123\","
                    + "\"topic\":\"privacy.receipts\",\"type\":\"uk.alluris.privacy.ReceiptIssued.v1\",\"reason\":"
                    + "\"RecordTooLargeException\",\"attempts\":3,\"payloadBytes\":1048576,"
                    + "\"parkedAt\":\"2026-11-30T09:12:44Z\"}]") List<OutboxParking.ParkedEntry> entries) {
    }

    private final OutboxParking parking;

    ParkedOutboxController(OutboxParking parking) {
        this.parking = parking;
    }

    @Operation(summary = "List parked outbox entries", description = "Pages through the events of this service that "
            + "Kafka refused for what they are and were taken out of the outbox, with the reason, topic, type and size, "
            + "never the payload. The privacy officer and administrators only (403 for other roles); 1 to 100 a page.")
    @GetMapping("${alluris.outbox.parked-path:/api/outbox/parked}")
    ParkedPage parked(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (!CurrentCaller.get().map(caller -> caller.hasRole("PRIVACY_OFFICER") || caller.hasRole("ADMIN"))
                .orElse(false)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "Forbidden",
                    "only the privacy officer or an administrator may see parked events");
        }
        if (page < 0) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Bad page", "page must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Bad page size",
                    "size must be between 1 and " + MAX_SIZE);
        }
        return new ParkedPage(page, size, parking.count(), parking.page(page, size));
    }
}
