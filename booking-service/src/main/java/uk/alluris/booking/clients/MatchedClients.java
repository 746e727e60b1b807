package uk.alluris.booking.clients;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import uk.alluris.events.SubjectIdentifiers;
import uk.alluris.kit.privacy.Widening;

/**
 * The client profiles one privacy request names, found once and handed to each feature in turn: appointments and
 * payments act on the client ids, the export's redaction on every identifier the person is known by. The profiles
 * themselves stay inside this package.
 */
public final class MatchedClients {

    private final SubjectIdentifiers subject;
    private final List<Client> clients;

    MatchedClients(SubjectIdentifiers subject, List<Client> clients) {
        this.subject = subject;
        this.clients = List.copyOf(clients);
    }

    /** The request's own identifiers. */
    SubjectIdentifiers subject() {
        return subject;
    }

    /** How many profiles the request named. */
    int count() {
        return clients.size();
    }

    /** The ids of the profiles found, in the order found. */
    public Set<UUID> ids() {
        return clients.stream().map(Client::id).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /**
     * The profiles' ids and the subject ids of the request: payments and past appointments stay filed under a subject
     * id after the profile itself was erased, so they are found by it.
     */
    public Set<UUID> linkedIds() {
        Set<UUID> ids = ids();
        ids.addAll(subject.subjectUuids());
        return ids;
    }

    /** Every email blind index the person is known by: the request's and the profiles' ({@link #widened}). */
    public Set<String> emailIndexes() {
        return new LinkedHashSet<>(widened().emailIndexes());
    }

    /** Every phone blind index the person is known by: the request's and the profiles' ({@link #widened}). */
    public Set<String> phoneIndexes() {
        return new LinkedHashSet<>(widened().phoneIndexes());
    }

    /** The request's identifiers widened by the profiles found, by the kit's one rule. */
    SubjectIdentifiers widened() {
        return Widening.widen(subject, clients, client -> client.id().toString(), client -> client.contact);
    }

    List<Client> profiles() {
        return clients;
    }
}
