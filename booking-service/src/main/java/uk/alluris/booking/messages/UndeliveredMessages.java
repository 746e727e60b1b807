package uk.alluris.booking.messages;

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

    record Undelivered(String key, UUID appointmentId, UUID clientId, ScheduledMessage.Kind kind,
            ScheduledMessage.Channel channel, int attempts, String lastError, Instant lastTriedFor) {
    }

    private final ScheduledMessages messages;

    UndeliveredMessages(ScheduledMessages messages) {
        this.messages = messages;
    }

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
