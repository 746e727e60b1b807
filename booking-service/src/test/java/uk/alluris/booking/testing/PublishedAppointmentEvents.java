package uk.alluris.booking.testing;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import uk.alluris.booking.appointments.AppointmentEvents;

/**
 * Every {@link AppointmentEvents} the service publishes, as a listener (deposits, reminders) would receive it. A
 * component of the test classpath, so every booking test context has it and no test needs a context of its own.
 */
@Component
public class PublishedAppointmentEvents {

    private final List<AppointmentEvents> received = new CopyOnWriteArrayList<>();

    @EventListener
    void on(AppointmentEvents event) {
        received.add(event);
    }

    /** The events about one appointment, in the order published. */
    public List<AppointmentEvents> about(String appointmentId) {
        UUID id = UUID.fromString(appointmentId);
        return received.stream().filter(event -> id.equals(appointmentOf(event))).toList();
    }

    private static UUID appointmentOf(AppointmentEvents event) {
        if (event instanceof AppointmentEvents.Booked booked) {
            return booked.appointmentId();
        }
        if (event instanceof AppointmentEvents.Rescheduled moved) {
            return moved.appointmentId();
        }
        if (event instanceof AppointmentEvents.Cancelled cancelled) {
            return cancelled.appointmentId();
        }
        return ((AppointmentEvents.NoShow) event).appointmentId();
    }
}
