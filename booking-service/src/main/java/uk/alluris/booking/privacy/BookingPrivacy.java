package uk.alluris.booking.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import uk.alluris.booking.agechecks.AgeCheckPrivacy;
import uk.alluris.booking.appointments.AppointmentPrivacy;
import uk.alluris.booking.clients.ClientPrivacy;
import uk.alluris.booking.clients.MatchedClients;
import uk.alluris.booking.deposits.DepositPrivacy;
import uk.alluris.booking.messages.MessagePrivacy;
import uk.alluris.booking.payments.PaymentPrivacy;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.events.SubjectIdentifiers;
import uk.alluris.kit.identity.BlindIndexProperties;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.kit.privacy.Corrections;
import uk.alluris.kit.privacy.PersonalDataExport;
import uk.alluris.kit.privacy.PrivacyActions;
import uk.alluris.kit.privacy.ThirdPartyRedaction;

/**
 * Booking's receipt for each privacy request (ARCHITECTURE.md), composed from what each feature answers for its own
 * aggregate, in receipt order: the contact profile ({@link ClientPrivacy}), appointments ({@link AppointmentPrivacy}),
 * payments ({@link PaymentPrivacy}), age checks ({@link AgeCheckPrivacy}), deposits and refunds
 * ({@link DepositPrivacy}), messages ({@link MessagePrivacy}). The person is found once, by their contact profiles;
 * appointments and payments
 * act on the ids those carry.
 */
@Component
class BookingPrivacy implements PrivacyActions {

    private final ClientPrivacy clients;
    private final AppointmentPrivacy appointments;
    private final PaymentPrivacy payments;
    private final AgeCheckPrivacy ageChecks;
    private final DepositPrivacy deposits;
    private final MessagePrivacy messages;
    private final BlindIndexer indexer;
    private final String phoneRegion;

    BookingPrivacy(ClientPrivacy clients, AppointmentPrivacy appointments, PaymentPrivacy payments,
            AgeCheckPrivacy ageChecks, DepositPrivacy deposits, MessagePrivacy messages, BlindIndexer indexer,
            BlindIndexProperties platform) {
        this.clients = clients;
        this.appointments = appointments;
        this.payments = payments;
        this.ageChecks = ageChecks;
        this.deposits = deposits;
        this.messages = messages;
        this.indexer = indexer;
        this.phoneRegion = platform.defaultRegion();
    }

    /**
     * The profiles go, future appointments go, past ones stay without identity, payments are retained six years; the
     * age checks are erased; the profiles are erased last, after the features that find their records by the
     * profiles' ids.
     */
    @Override
    public List<CategoryOutcome> erase(SubjectIdentifiers subject) {
        MatchedClients found = clients.matching(subject);
        Set<UUID> ids = clients.plannedForErasure(found);
        List<CategoryOutcome> booked = appointments.erase(ids);
        List<CategoryOutcome> paid = payments.erase(ids);
        List<CategoryOutcome> checked = ageChecks.erase(ids);
        List<CategoryOutcome> deposited = deposits.erase(ids);
        List<CategoryOutcome> written = messages.erase(ids);
        return receipt(clients.erase(found), booked, paid, checked, deposited, written);
    }

    @Override
    public List<CategoryOutcome> restrict(SubjectIdentifiers subject) {
        MatchedClients found = clients.matching(subject);
        return receipt(clients.restrict(found), messages.restrict(found.ids()));
    }

    @Override
    public List<CategoryOutcome> liftRestriction(SubjectIdentifiers subject) {
        return clients.liftRestriction(clients.matching(subject));
    }

    @Override
    public List<CategoryOutcome> objectToMarketing(SubjectIdentifiers subject) {
        return clients.objectToMarketing(clients.matching(subject));
    }

    /**
     * The contact profile(s), every appointment still linked to the person and every payment filed under their ids
     * (found even after the profile itself was erased, since they are kept under its subject id). Other people's email
     * addresses and phone numbers in appointment notes are redacted; the person's own, by any identifier booking links
     * to them, are not ({@link ThirdPartyRedaction}).
     */
    @Override
    public PersonalDataExport export(SubjectIdentifiers subject) {
        MatchedClients found = clients.matching(subject);
        Set<UUID> linked = found.linkedIds();
        ThirdPartyRedaction redaction = new ThirdPartyRedaction(indexer, phoneRegion, found.emailIndexes(),
                found.phoneIndexes());
        PersonalDataExport.Builder export = PersonalDataExport.builder();
        clients.export(found, export);
        appointments.export(linked, redaction, export);
        payments.export(linked, export);
        ageChecks.export(linked, export);
        deposits.export(linked, export);
        messages.export(linked, export);
        return export.build();
    }

    /** Only the contact profile holds correctable details (name, email, phone, date of birth). */
    @Override
    public List<CategoryOutcome> rectify(SubjectIdentifiers subject, Corrections corrections) {
        return clients.rectify(clients.matching(subject), corrections);
    }

    @SafeVarargs
    private static List<CategoryOutcome> receipt(List<CategoryOutcome>... parts) {
        List<CategoryOutcome> receipt = new ArrayList<>();
        for (List<CategoryOutcome> part : parts) {
            receipt.addAll(part);
        }
        return List.copyOf(receipt);
    }
}
