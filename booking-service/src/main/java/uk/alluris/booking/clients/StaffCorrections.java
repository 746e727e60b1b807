package uk.alluris.booking.clients;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import uk.alluris.events.SubjectIdentifiers;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.kit.identity.Normalisation;
import uk.alluris.kit.privacy.IdentifierClaims;
import uk.alluris.kit.privacy.Restrictions;
import uk.alluris.kit.problem.ProblemException;
import uk.alluris.kit.security.CurrentCaller;

/**
 * Reception corrects a client's details at the desk, under the rules a rectification request follows: an email address
 * or phone number that already identifies another client is refused ({@link IdentifierClaims}), the blind indexes
 * follow the new details, and a restricted person stays restricted under them. Unlike a request (which applies what
 * it can), a desk correction is all or nothing, so reception sees at once what was refused. Each correction leaves an
 * audit entry on the profile: who, when, which fields (never the values).
 */
@Component
class StaffCorrections {

    private static final ZoneId CLINIC = ZoneId.of("Europe/London");
    private static final int FULL_NAME_MAX = 200;

    /** What reception may correct; null leaves a detail as it is. */
    record Correction(String fullName, String email, String phone, LocalDate dateOfBirth) {
    }

    private final Clients clients;
    private final ClientAccess access;
    private final Restrictions restrictions;
    private final BlindIndexer indexer;
    private final Clock clock;

    StaffCorrections(Clients clients, ClientAccess access, Restrictions restrictions, BlindIndexer indexer,
            Clock clock) {
        this.clients = clients;
        this.access = access;
        this.restrictions = restrictions;
        this.indexer = indexer;
        this.clock = clock;
    }

    Client correct(UUID id, Correction correction) {
        if (correction.fullName() == null && correction.email() == null && correction.phone() == null
                && correction.dateOfBirth() == null) {
            throw invalid("give at least one of fullName, email, phone, dateOfBirth to correct");
        }
        String fullName = correction.fullName() == null ? null : correction.fullName().strip();
        if (fullName != null && (fullName.isEmpty() || fullName.length() > FULL_NAME_MAX)) {
            throw invalid("fullName must have 1 to " + FULL_NAME_MAX + " characters");
        }
        if (correction.dateOfBirth() != null
                && !correction.dateOfBirth().isBefore(LocalDate.now(clock.withZone(CLINIC)))) {
            throw invalid("dateOfBirth must be in the past");
        }
        String email = blankToNull(correction.email()) == null ? null : Normalisation.email(correction.email());
        String phone = blankToNull(correction.phone()) == null ? null : indexer.normalisePhone(correction.phone());
        Client client = access.readable(id);
        // the form sends every detail back: one left as it was is no claim (a family may share a phone number)
        email = Objects.equals(email, client.email()) ? null : email;
        phone = Objects.equals(phone, client.phone()) ? null : phone;
        String emailIndex = email == null ? null : indexer.email(email);
        String phoneIndex = phone == null ? null : indexer.phone(phone);
        IdentifierClaims.Applicable applicable = IdentifierClaims.unclaimed(emailIndex, phoneIndex, Set.of(id),
                index -> ids(clients.findByEmailIndex(index)), index -> ids(clients.findByPhoneIndex(index)));
        if (!applicable.refused().isEmpty()) {
            throw new ProblemException(HttpStatus.CONFLICT, "Identifier in use", "the corrected "
                    + String.join(" and ", applicable.refused()) + " already identifies another client; "
                    + "nothing was changed");
        }
        boolean restricted = restrictions.isRestricted(id.toString(), client.emailIndex(), client.phoneIndex());
        List<String> fields = changedFields(client, fullName, email, phone, correction.dateOfBirth());
        if (fields.isEmpty()) {
            return client;
        }
        client.correct(fullName, email, emailIndex, phone, phoneIndex, correction.dateOfBirth());
        client.recordStaffCorrection(clock.instant(), CurrentCaller.get().map(CurrentCaller::subject)
                .orElse("system"), fields);
        Client saved = clients.save(client);
        if (restricted && (saved.emailIndex() != null || saved.phoneIndex() != null)) {
            // by the new indexes alone: the register already matches the subject id, so an entry naming it would be
            // taken for a repeat and skipped, leaving the new email address or phone number unrestricted
            restrictions.restrict(new SubjectIdentifiers(List.of(), listOfNullable(saved.emailIndex()),
                    listOfNullable(saved.phoneIndex())));
        }
        return saved;
    }

    private static List<String> changedFields(Client client, String fullName, String email, String phone,
            LocalDate dateOfBirth) {
        List<String> fields = new ArrayList<>();
        addIfChanged(fields, "fullName", fullName, client.fullName());
        addIfChanged(fields, "email", email, client.email());
        addIfChanged(fields, "phone", phone, client.phone());
        addIfChanged(fields, "dateOfBirth", dateOfBirth, client.dateOfBirth());
        return fields;
    }

    private static void addIfChanged(List<String> fields, String name, Object corrected, Object held) {
        if (corrected != null && !Objects.equals(corrected, held)) {
            fields.add(name);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static Set<UUID> ids(List<Client> holders) {
        return holders.stream().map(Client::id).collect(Collectors.toSet());
    }

    private static List<String> listOfNullable(String value) {
        return value == null ? List.of() : List.of(value);
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "Invalid input", detail);
    }
}
