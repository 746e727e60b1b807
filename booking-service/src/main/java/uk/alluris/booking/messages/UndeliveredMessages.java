package uk.alluris.booking.messages;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.alluris.kit.paging.Paging;
import uk.alluris.kit.problem.ProblemException;
import uk.alluris.kit.security.CurrentCaller;

/**
 * The messages the dispatcher gave up on after its last try, for reception to follow up by phone: nothing is lost
 * silently. Staff only (RECEPTION, CLINICIAN); it names the appointment and the client's id, never an address or a
 * message's text.
 */
@RestController
class UndeliveredMessages {

    /** At most this many, oldest first: a list for people to work through, not an export. */
    static final int SHOWN = 200;

    record Undelivered(
            @Schema(description = "The message's key: appointment, kind, offset, channel and planned time",
                    example = "5c9e1a3b-7d2f-4b6e-8a0c-3e5f7a9b1d24:reminder:1440m:sms:1796207400") String key,
            @Schema(description = "The appointment it was about", example = "5c9e1a3b-7d2f-4b6e-8a0c-3e5f7a9b1d24")
            UUID appointmentId,
            @Schema(description = "The client it was for", example = "3f6b2c1e-8d4a-4b7e-9c2f-5a1d0e7b9c34")
            UUID clientId,
            @Schema(description = "What it was: REMINDER, AFTERCARE, DEPOSIT_RECEIPT, REFUND_RECEIPT or "
                    + "RETENTION_NOTICE", example = "REMINDER") ScheduledMessage.Kind kind,
            @Schema(description = "How it was to be sent: EMAIL or SMS", example = "SMS")
            ScheduledMessage.Channel channel,
            @Schema(description = "How many tries were made", example = "8") int attempts,
            @Schema(description = "Why the last try failed (never the message's text or address)",
                    example = "the SMS provider refused the message") String lastError,
            @Schema(description = "When it was due (UTC, ISO-8601)", example = "2026-12-02T10:30:00Z")
            Instant lastTriedFor) {
    }

    private final ScheduledMessages messages;

    UndeliveredMessages(ScheduledMessages messages) {
        this.messages = messages;
    }

    @Operation(summary = "List undelivered messages", description = "RECEPTION and CLINICIAN only (a CLIENT gets "
            + "403): the messages given up on after their last try, oldest first and at most 200, for reception to "
            + "follow up by phone; they name the appointment and client id, never an address or text.")
    @GetMapping("/api/bookings/messages/undelivered")
    List<Undelivered> undelivered(Paging paging) {
        if (CurrentCaller.get().map(CurrentCaller::isClient).orElse(true)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "Forbidden", "undelivered messages are for staff");
        }
        return paging.of(messages.findTop200ByStatusOrderByDueAtAsc(ScheduledMessage.Status.FAILED).stream()
                .map(m -> new Undelivered(m.key(), m.appointmentId(), m.clientId(), m.kind(), m.channel(),
                        m.attempts(), m.lastError, m.dueAt()))
                .toList());
    }
}
