package uk.alluris.booking.payments;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.alluris.booking.appointments.AppointmentClients;
import uk.alluris.booking.cards.CardNumbers;
import uk.alluris.booking.clients.ClientAccess;
import uk.alluris.kit.paging.Paging;
import uk.alluris.kit.problem.ProblemException;
import uk.alluris.kit.security.CurrentCaller;

/** Payment status per appointment, recorded by staff; a client reads their own. */
@RestController
@RequestMapping("/api/bookings")
class PaymentController {

    record NewPayment(
            @Schema(description = "The appointment paid for", example = "5c9e1a3b-7d2f-4b6e-8a0c-3e5f7a9b1d24")
            @NotNull UUID appointmentId,
            @Schema(description = "The amount in pence (GBP), more than 0", example = "25000")
            @NotNull @Positive Long amountPence,
            @Schema(description = "Where the payment stands: PENDING, FAILED, PAID or REFUNDED", example = "PAID")
            @NotNull Payment.Status status,
            @Schema(description = "The processor's reference for the payment, 1 to 100 characters; never a card "
                    + "number (refused)", example = "pi_3QxExampleRef0001") @NotBlank @Size(max = 100)
            String processorReference) {
    }

    record PaymentView(
            @Schema(description = "The payment's id", example = "8b0d2f4a-6c8e-4a1b-9d3f-5e7a9c1b3d50") UUID id,
            @Schema(description = "The appointment paid for", example = "5c9e1a3b-7d2f-4b6e-8a0c-3e5f7a9b1d24")
            UUID appointmentId,
            @Schema(description = "The client who paid; kept after an erasure, as financial records are",
                    example = "3f6b2c1e-8d4a-4b7e-9c2f-5a1d0e7b9c34") UUID clientId,
            @Schema(description = "The amount in pence (GBP)", example = "25000") long amountPence,
            @Schema(description = "Where it stands: PENDING, FAILED, PAID or REFUNDED; it only moves forward",
                    example = "PAID") Payment.Status status,
            @Schema(description = "The processor's reference for the payment", example = "pi_3QxExampleRef0001")
            String processorReference,
            @Schema(description = "When it was recorded (UTC, ISO-8601)", example = "2026-12-03T11:05:00Z")
            Instant recordedAt,
            @Schema(description = "Every notification the processor sent about it, applied or not, oldest first",
                    example = "[{\"status\": \"PAID\", \"eventId\": "
                    + "\"evt_3QxExample0001\", \"applied\": true, \"receivedAt\": \"2026-12-03T11:05:30Z\"}]")
            List<Payment.ProcessorNotice> processorNotices,
            @Schema(description = "Every status staff recorded for it, oldest first",
                    example = "[{\"status\": \"REFUNDED\", \"by\": \"reception.desk\", "
                    + "\"at\": \"2026-12-05T15:40:00Z\"}]")
            List<Payment.StaffMark> staffMarks) {

        static PaymentView of(Payment p) {
            return new PaymentView(p.id(), p.appointmentId(), p.clientId(), p.amountPence(), p.status(),
                    p.processorReference(), p.recordedAt(), p.processorNotices(), p.staffMarks());
        }
    }

    record NewStatus(
            @Schema(description = "The new status, later than the current one: PENDING, FAILED, PAID or REFUNDED",
                    example = "REFUNDED") @NotNull Payment.Status status) {
    }

    private final Payments payments;
    private final AppointmentClients appointments;
    private final ClientAccess clients;
    private final StaffPaymentMarks marks;
    private final Clock clock;

    PaymentController(Payments payments, AppointmentClients appointments, ClientAccess clients,
            StaffPaymentMarks marks, Clock clock) {
        this.marks = marks;
        this.payments = payments;
        this.appointments = appointments;
        this.clients = clients;
        this.clock = clock;
    }

    @Operation(summary = "Record a payment", description = "RECEPTION and CLINICIAN record a payment taken for an "
            + "appointment, with the processor's reference (a card number is refused with 400); a CLIENT is refused "
            + "(403).")
    @PostMapping("/payments")
    @ResponseStatus(HttpStatus.CREATED)
    PaymentView record(@Valid @RequestBody NewPayment body) {
        if (CurrentCaller.get().map(CurrentCaller::isClient).orElse(true)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "Forbidden", "payments are recorded by staff");
        }
        CardNumbers.refuse("processorReference", body.processorReference());
        UUID clientId = appointments.clientOf(body.appointmentId()).orElse(null);
        return PaymentView.of(payments.save(Payment.record(body.appointmentId(), clientId, body.amountPence(),
                body.status(), body.processorReference().trim(), clock.instant())));
    }

    /** Staff record a payment's new status; it only moves forward (409 otherwise), see {@link StaffPaymentMarks}. */
    @Operation(summary = "Mark a payment's status", description = "RECEPTION and CLINICIAN record a payment's new "
            + "status, kept as a staff mark with who and when; it only moves forward (PENDING, FAILED, PAID, "
            + "REFUNDED), 409 otherwise.")
    @PostMapping("/payments/{id}/status")
    PaymentView mark(@PathVariable UUID id, @Valid @RequestBody NewStatus body) {
        return PaymentView.of(marks.mark(id, body.status()));
    }

    @Operation(summary = "Read a payment", description = "One payment with the processor's notices and staff marks, "
            + "for RECEPTION and CLINICIAN, or the CLIENT who paid; another's is a 404 to a client. Kept after an "
            + "erasure as a financial record, for staff only.")
    @GetMapping("/payments/{id}")
    PaymentView one(@PathVariable UUID id) {
        Payment payment = payments.findById(id).orElseThrow(() -> ProblemException.notFound("payment " + id));
        if (CurrentCaller.get().map(CurrentCaller::isClient).orElse(true)) {
            if (payment.clientId() == null) {
                throw ProblemException.notFound("payment " + id);
            }
            try {
                clients.requireReadable(payment.clientId());
            } catch (ProblemException notTheirs) {
                throw ProblemException.notFound("payment " + id);
            }
        }
        return PaymentView.of(payment);
    }

    @Operation(summary = "List a client's payments", description = "A client's payments, oldest first, for "
            + "RECEPTION, CLINICIAN or that CLIENT (404 for anyone else's or an erased client's), in pages of at most "
            + "200 (page, size).")
    @GetMapping("/clients/{clientId}/payments")
    List<PaymentView> ofClient(@PathVariable UUID clientId, Paging paging) {
        clients.requireReadable(clientId);
        return paging.of(payments.findByClientIdOrderByRecordedAtAsc(clientId).stream().map(PaymentView::of).toList());
    }
}
