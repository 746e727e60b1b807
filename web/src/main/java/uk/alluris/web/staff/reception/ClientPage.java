package uk.alluris.web.staff.reception;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import uk.alluris.web.pages.Paged;
import uk.alluris.web.services.Service;
import uk.alluris.web.services.ServiceCalls;
import uk.alluris.web.staff.reception.ClientViews.Appointment;
import uk.alluris.web.staff.reception.ClientViews.Client;
import uk.alluris.web.staff.reception.ClientViews.Payment;
import uk.alluris.web.staff.reception.ClientViews.Practitioner;
import uk.alluris.web.staff.reception.ClientViews.Treatment;

/**
 * What a client's page shows, for its own address and for the forms on it that answer with the page again (a booking
 * booking refused): details (with Correct), appointments (upcoming ones with Move and Cancel, the Cancel button warning
 * from booking's own {@code cancellableFreeUntil}), payments (with their next statuses), and the Book form's choices.
 */
@Component
class ClientPage {

    private static final ParameterizedTypeReference<List<Appointment>> APPOINTMENTS = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<Payment>> PAYMENTS = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<Treatment>> TREATMENTS = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<Practitioner>> PRACTITIONERS = new ParameterizedTypeReference<>() { };

    private final ServiceCalls calls;
    private final Clock clock;

    ClientPage(ServiceCalls calls) {
        this.calls = calls;
        this.clock = Clock.systemUTC();
    }

    String show(UUID id, Model model) {
        Instant now = clock.instant();
        model.addAttribute("client", calls.get(Service.BOOKING, "/api/bookings/clients/{id}", Client.class, id));
        model.addAttribute("appointments", Paged.of(calls.get(Service.BOOKING,
                "/api/bookings/clients/{id}/appointments", APPOINTMENTS, id), 1));
        model.addAttribute("payments", Paged.of(calls.get(Service.BOOKING, "/api/bookings/clients/{id}/payments",
                PAYMENTS, id), 1));
        model.addAttribute("treatments", calls.get(Service.BOOKING, "/api/bookings/treatments", TREATMENTS).stream()
                .filter(Treatment::active).toList());
        model.addAttribute("practitioners", calls.get(Service.BOOKING, "/api/bookings/practitioners", PRACTITIONERS));
        model.addAttribute("now", now);
        return "staff/reception/client";
    }
}
