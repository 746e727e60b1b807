package uk.alluris.booking.payments;

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

    record NewPayment(@NotNull UUID appointmentId, @NotNull @Positive Long amountPence, @NotNull Payment.Status status,
            @NotBlank @Size(max = 100) String processorReference) {
    }

    record PaymentView(UUID id, UUID appointmentId, UUID clientId, long amountPence, Payment.Status status,
            String processorReference, Instant recordedAt, List<Payment.ProcessorNotice> processorNotices,
            List<Payment.StaffMark> staffMarks) {

        static PaymentView of(Payment p) {
            return new PaymentView(p.id(), p.appointmentId(), p.clientId(), p.amountPence(), p.status(),
                    p.processorReference(), p.recordedAt(), p.processorNotices(), p.staffMarks());
        }
    }

    record NewStatus(@NotNull Payment.Status status) {
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
    @PostMapping("/payments/{id}/status")
    PaymentView mark(@PathVariable UUID id, @Valid @RequestBody NewStatus body) {
        return PaymentView.of(marks.mark(id, body.status()));
    }

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

    @GetMapping("/clients/{clientId}/payments")
    List<PaymentView> ofClient(@PathVariable UUID clientId, Paging paging) {
        clients.requireReadable(clientId);
        return paging.of(payments.findByClientIdOrderByRecordedAtAsc(clientId).stream().map(PaymentView::of).toList());
    }
}
