package uk.alluris.booking.messages;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What an appointment's messages say, kept once per appointment while any may still be sent: the treatment's name,
 * its aftercare instructions and the time. Messages are written from it when they go, so a moved appointment's
 * reminder names the new time. Removed with the person on erasure.
 */
@Document("message_plans")
class MessagePlan {

    @Id
    UUID appointmentId;
    @Indexed
    UUID clientId;
    String treatmentName;
    String aftercare;
    Instant start;
    Instant end;
    boolean cancelled;

    static MessagePlan of(UUID appointmentId, UUID clientId, String treatmentName, String aftercare, Instant start,
            Instant end) {
        MessagePlan plan = new MessagePlan();
        plan.appointmentId = appointmentId;
        plan.clientId = clientId;
        plan.treatmentName = treatmentName;
        plan.aftercare = aftercare == null ? "" : aftercare.strip();
        plan.start = start;
        plan.end = end;
        return plan;
    }

    boolean hasAftercare() {
        return !aftercare.isEmpty();
    }
}
