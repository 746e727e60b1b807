package uk.alluris.booking.payments;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.events.Outcome;
import uk.alluris.kit.privacy.PersonalDataExport;

/**
 * What payments answer to a privacy request (ARCHITECTURE.md, booking): an erasure keeps them six years after the last
 * one as the clinic's financial records, under the client's pseudonymous subject id; an export holds each one's
 * amount, date and status (booking never holds card numbers).
 */
@Component
public class PaymentPrivacy {

    static final String PAYMENTS = "payments";
    static final String FINANCIAL_RECORDS = "Legal obligation: financial records (6 years)";
    private static final ZoneId CLINIC = ZoneId.of("Europe/London");

    /** The {@code payments} category of an export. */
    record PaymentRecord(UUID paymentId, UUID appointmentId, String amount, String currency, long amountPence,
            String status, String processorReference, Instant recordedAt) {
    }

    private final Payments payments;

    PaymentPrivacy(Payments payments) {
        this.payments = payments;
    }

    /** Erases nothing: says which payments are retained, and until when. */
    public List<CategoryOutcome> erase(Collection<UUID> clientIds) {
        List<Payment> kept = filedUnder(clientIds);
        if (kept.isEmpty()) {
            return List.of(CategoryOutcome.of(PAYMENTS, Outcome.NOT_HELD, 0));
        }
        LocalDate last = kept.stream().map(p -> p.recordedAt().atZone(CLINIC).toLocalDate())
                .max(LocalDate::compareTo).orElseThrow();
        return List.of(CategoryOutcome.retained(PAYMENTS, kept.size(), FINANCIAL_RECORDS, last.plusYears(6)));
    }

    /** Adds the {@code payments} category: every payment filed under one of the ids. */
    public void export(Collection<UUID> clientIds, PersonalDataExport.Builder export) {
        export.category(PAYMENTS, filedUnder(clientIds).stream()
                .map(payment -> new PaymentRecord(payment.id(), payment.appointmentId(),
                        BigDecimal.valueOf(payment.amountPence(), 2).toPlainString(), "GBP", payment.amountPence(),
                        payment.status().name(), payment.processorReference(), payment.recordedAt()))
                .toList());
    }

    private List<Payment> filedUnder(Collection<UUID> clientIds) {
        return clientIds.stream().flatMap(id -> payments.findByClientIdOrderByRecordedAtAsc(id).stream()).toList();
    }
}
