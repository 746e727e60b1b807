package uk.alluris.booking.deposits;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import uk.alluris.booking.appointments.AppointmentEvents;

/** What appointments' changes mean for their deposits; a treatment without a deposit records none. */
@Component
class DepositEvents {

    private final DepositTaking taking;

    DepositEvents(DepositTaking taking) {
        this.taking = taking;
    }

    @EventListener
    void booked(AppointmentEvents.Booked booked) {
        if (booked.depositPence() > 0) {
            taking.booked(booked.appointmentId(), booked.clientId(), booked.depositPence());
        }
    }

    @EventListener
    void cancelled(AppointmentEvents.Cancelled cancelled) {
        taking.cancelled(cancelled.appointmentId(), cancelled.late());
    }

    @EventListener
    void missed(AppointmentEvents.NoShow missed) {
        taking.missed(missed.appointmentId());
    }
}
