package uk.alluris.booking.deposits;

import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import uk.alluris.booking.clients.ClientAccess;
import uk.alluris.kit.problem.ProblemException;
import uk.alluris.kit.security.CurrentCaller;

/**
 * What a checkout needs to take an appointment's deposit: the intent and its client secret, for the processor's own
 * payment page (card details go from the browser to the processor, never here). Staff (reception, clinicians) for any
 * appointment, a client for their own; anyone else's looks like nothing at all. A restricted person's deposit stays
 * payable (it is booked care); an erased person's is kept only as a financial record and answers 404.
 */
@RestController
class DepositController {

    record DepositView(UUID appointmentId, String intentId, String clientSecret, long amountPence, String currency,
            Deposit.Status status, String checkoutUrl, List<Deposit.Change> history) {
    }

    private final Deposits deposits;
    private final DepositTaking taking;
    private final ClientAccess clients;
    private final String checkoutUrl;

    DepositController(Deposits deposits, DepositTaking taking, ClientAccess clients,
            @Value("${alluris.booking.processor.checkout-url:}") String checkoutUrl) {
        this.deposits = deposits;
        this.taking = taking;
        this.clients = clients;
        this.checkoutUrl = checkoutUrl;
    }

    @GetMapping("/api/bookings/appointments/{id}/deposit")
    DepositView deposit(@PathVariable UUID id) {
        Deposit deposit = deposits.findById(id).orElseThrow(() -> ProblemException.notFound("deposit for appointment " + id));
        boolean client = CurrentCaller.get().map(CurrentCaller::isClient).orElse(true);
        if (deposit.clientId() == null && client) {
            throw ProblemException.notFound("deposit for appointment " + id);
        }
        if (deposit.clientId() != null) {
            try {
                clients.requireReadable(deposit.clientId());
            } catch (ProblemException notTheirs) {
                throw ProblemException.notFound("deposit for appointment " + id);
            }
        }
        if (deposit.status() == Deposit.Status.REQUESTED) {
            // the processor was unreachable at booking: the checkout should not have to wait for the retry job
            taking.openIntent(id);
            deposit = deposits.findById(id).orElseThrow();
        }
        boolean payable = deposit.status() == Deposit.Status.AWAITING_PAYMENT;
        return new DepositView(id, deposit.intentId(), payable ? deposit.clientSecret() : null, deposit.amountPence(),
                "gbp", deposit.status(), payable && !checkoutUrl.isBlank() && deposit.intentId() != null
                        ? checkoutUrl.replace("{intentId}", deposit.intentId()) : null, deposit.history());
    }
}
