package uk.alluris.booking.clients;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.events.Outcome;
import uk.alluris.events.SubjectIdentifiers;
import uk.alluris.kit.privacy.Corrections;
import uk.alluris.kit.privacy.PersonalDataExport;
import uk.alluris.kit.privacy.PrivacyEffects;
import uk.alluris.kit.privacy.Restrictions;

/**
 * What the contact profile answers to each privacy request (ARCHITECTURE.md, booking): erased on erasure; no
 * promotional content in messages once restricted or objected to; exported whole; corrected on rectification (see
 * {@link ClientCorrections}). The service's privacy package composes this with the other features' answers.
 */
@Component
public class ClientPrivacy {

    static final String PROFILE = "contact-profile";
    static final String PROMOTIONAL_CONTENT = "promotional-content";

    /** The {@code contact-profile} category of an export, as the person receives it. */
    record ContactProfile(UUID clientId, String fullName, String email, String phone, LocalDate dateOfBirth,
            boolean promotionalContentInMessages, boolean processingRestricted, Instant registeredAt) {
    }

    private final Clients clients;
    private final Restrictions restrictions;
    private final ClientCorrections corrections;
    private final Clock clock;
    private final PrivacyEffects effects;

    ClientPrivacy(Clients clients, Restrictions restrictions, ClientCorrections corrections, Clock clock,
            PrivacyEffects effects) {
        this.effects = effects;
        this.clients = clients;
        this.restrictions = restrictions;
        this.corrections = corrections;
        this.clock = clock;
    }

    /** A client and when they registered: their last activity, if they never booked. */
    public record Registered(UUID clientId, Instant registeredAt) {
    }

    /** The clients registered before {@code before}: the only ones whose last activity can be older. */
    public List<Registered> registeredBefore(Instant before) {
        return clients.findByRegisteredAtLessThan(before).stream()
                .map(client -> new Registered(client.id(), client.registeredAt())).toList();
    }

    /** Every profile matching any of the request's identifiers. */
    public MatchedClients matching(SubjectIdentifiers subject) {
        return new MatchedClients(subject,
                clients.findMatching(subject.subjectUuids(), subject.emailIndexes(), subject.phoneIndexes()));
    }

    /**
     * The profile ids an erasure acts on: those found now and, after a crash, those the interrupted run found (their
     * profiles may already be gone, while their appointments, payments and messages are still to be acted on).
     */
    public Set<UUID> plannedForErasure(MatchedClients found) {
        return effects.targets(PROFILE, found.ids()).stream().map(UUID::fromString)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Erases the profiles; run after the features that act on their ids (appointments, payments). */
    public List<CategoryOutcome> erase(MatchedClients found) {
        int erased = effects.planned(PROFILE, found.ids());
        found.profiles().forEach(clients::delete);
        return List.of(CategoryOutcome.counted(PROFILE, Outcome.ERASED, erased));
    }

    /**
     * Registers the restriction for the whole service (every feature consults the register) and stops promotional
     * content; reminders for booked care go on.
     */
    public List<CategoryOutcome> restrict(MatchedClients found) {
        restrictions.restrict(found.subject());
        found.profiles().forEach(this::stopPromotions);
        return List.of(CategoryOutcome.counted(PROFILE, Outcome.RESTRICTED, found.count()));
    }

    /** Lifts the registered restriction; promotional content stays off until the client asks for it again. */
    public List<CategoryOutcome> liftRestriction(MatchedClients found) {
        restrictions.lift(found.subject());
        return List.of(CategoryOutcome.counted(PROFILE, Outcome.RESTRICTION_LIFTED, found.count()));
    }

    public List<CategoryOutcome> objectToMarketing(MatchedClients found) {
        found.profiles().forEach(client -> {
            client.objectToMarketing(clock.instant());
            clients.save(client);
        });
        return List.of(CategoryOutcome.counted(PROMOTIONAL_CONTENT, Outcome.WITHDRAWN, found.count()));
    }

    /** Adds the {@code contact-profile} category: each profile with whether its processing is restricted. */
    public void export(MatchedClients found, PersonalDataExport.Builder export) {
        export.category(PROFILE, found.profiles().stream().map(client -> new ContactProfile(client.id(),
                client.fullName(), client.email(), client.phone(), client.dateOfBirth(), client.promotionalContent(),
                restrictions.isRestricted(client.id().toString(), client.emailIndex(), client.phoneIndex()),
                client.registeredAt())).toList());
    }

    /** See {@link ClientCorrections#rectify}. */
    public List<CategoryOutcome> rectify(MatchedClients found, Corrections requested) {
        return corrections.rectify(found, requested);
    }

    private void stopPromotions(Client client) {
        client.stopPromotionalContent();
        clients.save(client);
    }
}
