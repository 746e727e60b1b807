package uk.alluris.booking.deposits;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
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

    record DepositView(
            @Schema(description = "The appointment the deposit is for",
                    example = "5c9e1a3b-7d2f-4b6e-8a0c-3e5f7a9b1d24") UUID appointmentId,
            @Schema(description = "The processor's payment intent; null until the processor has answered",
                    example = "pi_3QxExampleRef0001") String intentId,
            @Schema(description = "The intent's client secret for the processor's payment page; only while awaiting "
                    + "payment, else null", example = "pi_3QxExampleRef0001_secret_Example0001") String clientSecret,
            @Schema(description = "The deposit in pence", example = "5000") long amountPence,
            @Schema(description = "The currency, ISO 4217 in lower case: always gbp", example = "gbp") String currency,
            @Schema(description = "Where it stands: REQUESTED, AWAITING_PAYMENT, PAID, KEPT, REFUND_DUE, REFUNDED or "
                    + "VOID", example = "AWAITING_PAYMENT") Deposit.Status status,
            @Schema(description = "The processor's checkout page for this intent, where one is configured; only while "
                    + "awaiting payment, else null", example = "https://checkout.example.org/pay/pi_3QxExampleRef0001")
            String checkoutUrl,
            @Schema(description = "Every step the deposit took, oldest first",
                    example = "[{\"status\": \"REQUESTED\", \"reason\": \"booked; the treatment takes a deposit\", "
                    + "\"at\": \"2026-11-20T09:15:00Z\"}]")
            List<Deposit.Change> history) {
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

    @Operation(summary = "Read an appointment's deposit", description = "What a checkout needs to pay an "
            + "appointment's deposit on the processor's own page (card details never come here), for RECEPTION and "
            + "CLINICIAN, or the CLIENT it belongs to (404 for anyone else's). A restricted person's deposit stays "
            + "payable; an erased person's is kept only as a financial record and answers 404.")
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
