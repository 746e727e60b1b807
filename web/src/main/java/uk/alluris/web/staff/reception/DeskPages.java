package uk.alluris.web.staff.reception;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.alluris.web.services.Service;
import uk.alluris.web.services.ServiceCalls;
import uk.alluris.web.services.ServiceRefused;
import uk.alluris.web.staff.reception.ClientViews.Client;
import uk.alluris.web.staff.reception.ClientViews.Correction;
import uk.alluris.web.staff.reception.ClientViews.NewStatus;
import uk.alluris.web.staff.reception.ClientViews.Payment;

/**
 * Reception's corrections on a client's page: their details (booking refuses another client's email or phone, keeps a
 * restriction on the new details and audits who changed what) and a payment's status (booking moves it only forward).
 * Booking's refusal is said on the page, with what was typed kept out of the address.
 */
@Controller
class DeskPages {

    private final ServiceCalls calls;
    private final ClientPage clientPage;

    DeskPages(ServiceCalls calls, ClientPage clientPage) {
        this.calls = calls;
        this.clientPage = clientPage;
    }

    @PostMapping("/staff/reception/clients/{id}/corrections")
    String correct(@PathVariable UUID id, @RequestParam(required = false) String fullName,
            @RequestParam(required = false) String email, @RequestParam(required = false) String phone,
            @RequestParam(required = false) String dateOfBirth, Model model) {
        LocalDate born;
        try {
            born = dateOfBirth == null || dateOfBirth.isBlank() ? null : LocalDate.parse(dateOfBirth.strip());
        } catch (DateTimeParseException unreadable) {
            return refused(id, "Not corrected. Date of birth must be a date, for example 29/02/1984.", model);
        }
        try {
            calls.post(Service.BOOKING, "/api/bookings/clients/{id}/corrections", new Correction(blankToNull(fullName),
                    blankToNull(email), blankToNull(phone), born), Client.class, id);
            return "redirect:/staff/reception/clients/" + id + "?done=" + Done.CORRECTED.code();
        } catch (ServiceRefused refused) {
            ClientsPages.rethrowUnlessInput(refused);
            return refused(id, "Not corrected. " + refused.title() + ": " + refused.detail(), model);
        }
    }

    @PostMapping("/staff/reception/clients/{id}/payments/{payment}/status")
    String recordPayment(@PathVariable UUID id, @PathVariable UUID payment,
            @RequestParam(required = false) String status, Model model) {
        if (status == null || status.isBlank()) {
            return refused(id, "Choose the payment's new status, then Record.", model);
        }
        try {
            calls.post(Service.BOOKING, "/api/bookings/payments/{p}/status", new NewStatus(status.strip()),
                    Payment.class, payment);
            return "redirect:/staff/reception/clients/" + id + "?done=" + Done.PAYMENT_RECORDED.code();
        } catch (ServiceRefused refused) {
            ClientsPages.rethrowUnlessInput(refused);
            return refused(id, "Not recorded. " + refused.title() + ": " + refused.detail(), model);
        }
    }

    private String refused(UUID id, String message, Model model) {
        model.addAttribute("refused", message);
        return clientPage.show(id, model);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
