package uk.alluris.booking.clients;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.events.Outcome;
import uk.alluris.events.SubjectIdentifiers;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.kit.privacy.ContactDetails;
import uk.alluris.kit.privacy.Corrections;
import uk.alluris.kit.privacy.Restrictions;

/**
 * Rectification of contact profiles: name, email, phone, date of birth, with the email and phone blind indexes
 * recomputed, so the person is found by the new details and no longer by the old ones.
 */
@Component
class ClientCorrections {

    private static final ZoneId CLINIC = ZoneId.of("Europe/London");
    private static final int FULL_NAME_MAX = 200;
    private static final Logger log = LoggerFactory.getLogger(ClientCorrections.class);

    private final Clients clients;
    private final Restrictions restrictions;
    private final BlindIndexer indexer;
    private final Clock clock;

    ClientCorrections(Clients clients, Restrictions restrictions, BlindIndexer indexer, Clock clock) {
        this.clients = clients;
        this.restrictions = restrictions;
        this.indexer = indexer;
        this.clock = clock;
    }

    /**
     * Corrects the person's profile(s). Every value is checked before anything is written; one that is not valid (an
     * address or number the platform cannot normalise) changes nothing and fails the request, which the binder retries
     * and then parks in the DLQ, where staff see it. A corrected email address or phone number that already belongs to
     * another client's profile is not applied ({@link ContactDetails#unclaimed}); the other corrections still are. A
     * restricted person stays restricted under their new details.
     */
    List<CategoryOutcome> rectify(MatchedClients found, Corrections corrections) {
        String fullName = corrections.fullName() == null ? null : validName(corrections.fullName());
        ContactDetails requested = ContactDetails.requestedBy(corrections, indexer);
        LocalDate today = LocalDate.now(clock.withZone(CLINIC));
        if (corrections.dateOfBirth() != null && !corrections.dateOfBirth().isBefore(today)) {
            throw new IllegalArgumentException("a corrected date of birth must be in the past");
        }
        ContactDetails.Claimed claimed = requested.unclaimed(found.ids(),
                index -> ids(clients.findByEmailIndex(index)), index -> ids(clients.findByPhoneIndex(index)));
        if (!claimed.refused().isEmpty()) {
            log.warn("rectification: corrected {} identifies another client; left unchanged on {} profile(s)",
                    claimed.refused(), found.count());
        }
        String email = claimed.applicable().email();
        String emailIndex = claimed.applicable().emailIndex();
        String phone = claimed.applicable().phone();
        String phoneIndex = claimed.applicable().phoneIndex();
        boolean anything = fullName != null || email != null || phone != null || corrections.dateOfBirth() != null;
        if (!anything) {
            return List.of(CategoryOutcome.counted(ClientPrivacy.PROFILE, Outcome.RECTIFIED, 0));
        }
        for (Client client : found.profiles()) {
            boolean restricted = restrictions.isRestricted(found.subject())
                    || restrictions.isRestricted(client.id().toString(), client.emailIndex(), client.phoneIndex());
            client.correct(fullName, email, emailIndex, phone, phoneIndex, corrections.dateOfBirth());
            clients.save(client);
            if (restricted) {
                restrictions.restrict(new SubjectIdentifiers(List.of(client.id().toString()),
                        listOfNullable(client.emailIndex()), listOfNullable(client.phoneIndex())));
            }
        }
        return List.of(CategoryOutcome.counted(ClientPrivacy.PROFILE, Outcome.RECTIFIED, found.count()));
    }

    private static String validName(String fullName) {
        String name = fullName.strip();
        if (name.isEmpty() || name.length() > FULL_NAME_MAX) {
            throw new IllegalArgumentException("a corrected full name must have 1 to " + FULL_NAME_MAX + " characters");
        }
        return name;
    }

    private static Set<UUID> ids(List<Client> holders) {
        return holders.stream().map(Client::id).collect(Collectors.toSet());
    }

    private static List<String> listOfNullable(String value) {
        return value == null ? List.of() : List.of(value);
    }
}
