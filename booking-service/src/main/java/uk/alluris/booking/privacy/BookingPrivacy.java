package uk.alluris.booking.privacy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import uk.alluris.booking.appointments.Appointment;
import uk.alluris.booking.appointments.Appointments;
import uk.alluris.booking.clients.Client;
import uk.alluris.booking.clients.Clients;
import uk.alluris.booking.payments.Payment;
import uk.alluris.booking.payments.Payments;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.events.Outcome;
import uk.alluris.events.SubjectIdentifiers;
import uk.alluris.kit.privacy.PrivacyActions;
import uk.alluris.kit.privacy.Restrictions;

/**
 * What booking does for each privacy request (ARCHITECTURE.md): erasure removes the contact profile and future
 * appointments, keeps past appointments without identity and keeps payments for six years as financial records;
 * restriction and objection stop promotional content in messages, while reminders for booked care go on.
 */
@Component
class BookingPrivacy implements PrivacyActions {

    static final String PROFILE = "contact-profile";
    static final String FUTURE_APPOINTMENTS = "future-appointments";
    static final String PAST_APPOINTMENTS = "past-appointments-identity";
    static final String PAYMENTS = "payments";
    static final String PROMOTIONAL_CONTENT = "promotional-content";
    static final String FINANCIAL_RECORDS = "Legal obligation: financial records (6 years)";
    private static final ZoneId CLINIC = ZoneId.of("Europe/London");

    private final Clients clients;
    private final Appointments appointments;
    private final Payments payments;
    private final Restrictions restrictions;
    private final Clock clock;

    BookingPrivacy(Clients clients, Appointments appointments, Payments payments, Restrictions restrictions, Clock clock) {
        this.clients = clients;
        this.appointments = appointments;
        this.payments = payments;
        this.restrictions = restrictions;
        this.clock = clock;
    }

    @Override
    public List<CategoryOutcome> erase(SubjectIdentifiers subject) {
        Instant now = clock.instant();
        List<Client> found = matching(subject);
        int future = 0;
        int past = 0;
        List<Payment> kept = new ArrayList<>();
        for (Client client : found) {
            for (Appointment appointment : appointments.findByClientIdOrderByStartAsc(client.id())) {
                if (appointment.isFuture(now)) {
                    appointments.delete(appointment);
                    future++;
                } else {
                    appointment.anonymise(now);
                    appointments.save(appointment);
                    past++;
                }
            }
            kept.addAll(payments.findByClientIdOrderByRecordedAtAsc(client.id()));
            clients.delete(client);
        }
        return List.of(CategoryOutcome.counted(PROFILE, Outcome.ERASED, found.size()),
                CategoryOutcome.counted(FUTURE_APPOINTMENTS, Outcome.ERASED, future),
                CategoryOutcome.counted(PAST_APPOINTMENTS, Outcome.ERASED, past), paymentsRetained(kept));
    }

    @Override
    public List<CategoryOutcome> restrict(SubjectIdentifiers subject) {
        restrictions.restrict(subject);
        List<Client> found = matching(subject);
        found.forEach(this::stopPromotions);
        return List.of(CategoryOutcome.counted(PROFILE, Outcome.RESTRICTED, found.size()));
    }

    @Override
    public List<CategoryOutcome> liftRestriction(SubjectIdentifiers subject) {
        restrictions.lift(subject);
        return List.of(CategoryOutcome.counted(PROFILE, Outcome.RESTRICTION_LIFTED, matching(subject).size()));
    }

    @Override
    public List<CategoryOutcome> objectToMarketing(SubjectIdentifiers subject) {
        List<Client> found = matching(subject);
        found.forEach(this::stopPromotions);
        return List.of(CategoryOutcome.counted(PROMOTIONAL_CONTENT, Outcome.WITHDRAWN, found.size()));
    }

    private void stopPromotions(Client client) {
        client.stopPromotionalContent();
        clients.save(client);
    }

    private List<Client> matching(SubjectIdentifiers subject) {
        return clients.findMatching(subject.subjectUuids(), subject.emailIndexes(), subject.phoneIndexes());
    }

    /** Payments stay six years after the last one, as the clinic's financial records. */
    private static CategoryOutcome paymentsRetained(List<Payment> kept) {
        if (kept.isEmpty()) {
            return CategoryOutcome.of(PAYMENTS, Outcome.NOT_HELD, 0);
        }
        LocalDate last = kept.stream().map(p -> p.recordedAt().atZone(CLINIC).toLocalDate())
                .max(LocalDate::compareTo).orElseThrow();
        return CategoryOutcome.retained(PAYMENTS, kept.size(), FINANCIAL_RECORDS, last.plusYears(6));
    }
}
