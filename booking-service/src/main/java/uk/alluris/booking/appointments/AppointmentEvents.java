package uk.alluris.booking.appointments;

import java.time.Instant;
import java.util.UUID;

/**
 * What happens to an appointment, published inside booking-service as Spring application events once the change
 * is saved, for the features that react to it (deposits, reminders, aftercare). Not Kafka events: no other service
 * needs them.
 */
public sealed interface AppointmentEvents {

    /** A slot was taken. {@code depositPence} is 0 when the treatment takes no deposit; {@code aftercare} may be empty. */
    record Booked(UUID appointmentId, UUID clientId, UUID treatmentId, String treatmentName, Instant start,
            Instant end, long depositPence, String aftercare) implements AppointmentEvents {
    }

    record Rescheduled(UUID appointmentId, UUID clientId, Instant start, Instant end) implements AppointmentEvents {
    }

    /** {@code late}: inside the clinic's cancellation window, so the deposit is kept. */
    record Cancelled(UUID appointmentId, UUID clientId, boolean late, Instant at) implements AppointmentEvents {
    }

    record NoShow(UUID appointmentId, UUID clientId, Instant at) implements AppointmentEvents {
    }
}
