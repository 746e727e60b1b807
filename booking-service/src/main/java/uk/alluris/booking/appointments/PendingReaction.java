package uk.alluris.booking.appointments;

import java.time.Instant;
import org.springframework.data.mongodb.core.index.Indexed;

/**
 * One change of an appointment still awaiting its reactions, kept inside the appointment's document: a key of its own
 * (so exactly it is cleared once its reactions have run), since when it waits, and the event the reactions are told.
 */
record PendingReaction(String key, @Indexed(sparse = true) Instant since, AppointmentEvents event) {
}
