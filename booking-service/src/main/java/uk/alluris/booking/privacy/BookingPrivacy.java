package uk.alluris.booking.privacy;

import uk.alluris.kit.privacy.ThirdPartyRedaction;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import uk.alluris.kit.identity.BlindIndexProperties;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.kit.identity.Normalisation;
import uk.alluris.kit.privacy.Corrections;
import uk.alluris.kit.privacy.IdentifierClaims;
import uk.alluris.kit.privacy.PersonalDataExport;
import uk.alluris.kit.privacy.PrivacyActions;
import uk.alluris.kit.privacy.Restrictions;

/**
 * What booking does for each privacy request (ARCHITECTURE.md): erasure removes the contact profile and future
 * appointments, keeps past appointments without identity and keeps payments for six years as financial records;
 * restriction and objection stop promotional content in messages, while reminders for booked care go on. An access
 * or portability request gets the contact profile, every appointment still linked to the person and their payments;
 * rectification corrects the contact profile and the blind indexes that follow from it.
 */
@Component
class BookingPrivacy implements PrivacyActions {

    static final String PROFILE = "contact-profile";
    static final String FUTURE_APPOINTMENTS = "future-appointments";
    static final String PAST_APPOINTMENTS = "past-appointments-identity";
    static final String PAYMENTS = "payments";
    static final String APPOINTMENTS = "appointments";
    static final String PROMOTIONAL_CONTENT = "promotional-content";
    static final String FINANCIAL_RECORDS = "Legal obligation: financial records (6 years)";
    private static final ZoneId CLINIC = ZoneId.of("Europe/London");
    private static final int FULL_NAME_MAX = 200;
    private static final Logger log = LoggerFactory.getLogger(BookingPrivacy.class);

    private final Clients clients;
    private final Appointments appointments;
    private final Payments payments;
    private final Restrictions restrictions;
    private final BlindIndexer indexer;
    private final String phoneRegion;
    private final Clock clock;

    BookingPrivacy(Clients clients, Appointments appointments, Payments payments, Restrictions restrictions,
            BlindIndexer indexer, BlindIndexProperties platform, Clock clock) {
        this.clients = clients;
        this.appointments = appointments;
        this.payments = payments;
        this.restrictions = restrictions;
        this.indexer = indexer;
        this.phoneRegion = platform.defaultRegion();
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

    /**
     * The contact profile(s), every appointment still linked to the person (past and upcoming; a past appointment
     * kept without identity after an erasure is no longer theirs to find) and every payment filed under their subject
     * id — payments are found even after the profile itself was erased, since they are kept under that id. Other
     * people's email addresses and phone numbers in appointment notes are redacted ({@link ThirdPartyRedaction}).
     */
    @Override
    public PersonalDataExport export(SubjectIdentifiers subject) {
        Instant now = clock.instant();
        List<Client> found = matching(subject);
        Set<UUID> clientIds = new LinkedHashSet<>();
        found.forEach(client -> clientIds.add(client.id()));
        clientIds.addAll(subject.subjectUuids());
        ThirdPartyRedaction redaction = new ThirdPartyRedaction(indexer, phoneRegion,
                union(subject.emailIndexes(), found.stream().map(Client::emailIndex)),
                union(subject.phoneIndexes(), found.stream().map(Client::phoneIndex)));

        List<BookingExport.ContactProfile> profiles = found.stream().map(client -> new BookingExport.ContactProfile(
                client.id(), client.fullName(), client.email(), client.phone(), client.dateOfBirth(),
                client.promotionalContent(),
                restrictions.isRestricted(client.id().toString(), client.emailIndex(), client.phoneIndex()),
                client.registeredAt())).toList();
        List<BookingExport.AppointmentRecord> booked = clientIds.stream()
                .flatMap(id -> appointments.findByClientIdOrderByStartAsc(id).stream())
                .map(appointment -> new BookingExport.AppointmentRecord(appointment.id(), appointment.treatment(),
                        appointment.practitioner(), appointment.start(), appointment.isFuture(now) ? "upcoming" : "past",
                        redaction.text(appointment.notes(), List.of()).value(), appointment.bookedAt()))
                .toList();
        List<BookingExport.PaymentRecord> paid = clientIds.stream()
                .flatMap(id -> payments.findByClientIdOrderByRecordedAtAsc(id).stream())
                .map(payment -> new BookingExport.PaymentRecord(payment.id(), payment.appointmentId(),
                        BigDecimal.valueOf(payment.amountPence(), 2).toPlainString(), "GBP", payment.amountPence(),
                        payment.status().name(), payment.processorReference(), payment.recordedAt()))
                .toList();
        return PersonalDataExport.builder().category(PROFILE, profiles).category(APPOINTMENTS, booked)
                .category(PAYMENTS, paid).build();
    }

    /**
     * Corrects the person's contact profile(s): name, email, phone, date of birth, with the email and phone blind
     * indexes recomputed, so the person is found by the new details and no longer by the old ones. Every value is
     * checked before anything is written; one that is not valid (an address or number the platform cannot normalise)
     * changes nothing and fails the request, which the binder retries and then parks in the DLQ, where staff see it.
     * A corrected email address or phone number that already belongs to another client's profile is not applied
     * ({@link IdentifierClaims}); the other corrections still are. A restricted person stays restricted under their
     * new details.
     */
    @Override
    public List<CategoryOutcome> rectify(SubjectIdentifiers subject, Corrections corrections) {
        String fullName = corrections.fullName() == null ? null : validName(corrections.fullName());
        String email = corrections.email() == null ? null : Normalisation.email(corrections.email());
        String phone = corrections.phone() == null ? null : indexer.normalisePhone(corrections.phone());
        LocalDate today = LocalDate.now(clock.withZone(CLINIC));
        if (corrections.dateOfBirth() != null && !corrections.dateOfBirth().isBefore(today)) {
            throw new IllegalArgumentException("a corrected date of birth must be in the past");
        }
        List<Client> found = matching(subject);
        Set<UUID> theirs = found.stream().map(Client::id).collect(Collectors.toSet());
        IdentifierClaims.Applicable applicable = IdentifierClaims.unclaimed(email == null ? null : indexer.email(email),
                phone == null ? null : indexer.phone(phone), theirs, index -> ids(clients.findByEmailIndex(index)),
                index -> ids(clients.findByPhoneIndex(index)));
        if (!applicable.refused().isEmpty()) {
            log.warn("rectification: corrected {} identifies another client; left unchanged on {} profile(s)",
                    applicable.refused(), found.size());
        }
        String emailIndex = applicable.emailIndex();
        String phoneIndex = applicable.phoneIndex();
        email = emailIndex == null ? null : email;
        phone = phoneIndex == null ? null : phone;
        boolean anything = fullName != null || email != null || phone != null || corrections.dateOfBirth() != null;
        if (!anything) {
            return List.of(CategoryOutcome.counted(PROFILE, Outcome.RECTIFIED, 0));
        }
        for (Client client : found) {
            boolean restricted = restrictions.isRestricted(subject)
                    || restrictions.isRestricted(client.id().toString(), client.emailIndex(), client.phoneIndex());
            client.correct(fullName, email, emailIndex, phone, phoneIndex, corrections.dateOfBirth());
            clients.save(client);
            if (restricted) {
                restrictions.restrict(new SubjectIdentifiers(List.of(client.id().toString()),
                        listOfNullable(client.emailIndex()), listOfNullable(client.phoneIndex())));
            }
        }
        return List.of(CategoryOutcome.counted(PROFILE, Outcome.RECTIFIED, found.size()));
    }

    private static String validName(String fullName) {
        String name = fullName.strip();
        if (name.isEmpty() || name.length() > FULL_NAME_MAX) {
            throw new IllegalArgumentException("a corrected full name must have 1 to " + FULL_NAME_MAX + " characters");
        }
        return name;
    }

    private static Set<String> union(List<String> given, Stream<String> held) {
        return Stream.concat(given.stream(), held).filter(Objects::nonNull).collect(Collectors.toSet());
    }

    private static Set<UUID> ids(List<Client> holders) {
        return holders.stream().map(Client::id).collect(Collectors.toSet());
    }

    private static List<String> listOfNullable(String value) {
        return value == null ? List.of() : List.of(value);
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
