package uk.alluris.booking.messages;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.events.Outcome;
import uk.alluris.kit.privacy.PersonalDataExport;
import uk.alluris.kit.privacy.PrivacyEffects;

/**
 * What messages answer to a privacy request (ARCHITECTURE.md, booking). Erasure: messages not yet sent and what they
 * would have said (the plans) are deleted, and so is the log of what was sent ({@code message-log} erased). Restriction:
 * reminders, aftercare and receipts are service messages for booked care and go on (nothing promotional is ever in
 * them); the restriction is registered service-wide by the contact profile. Objection to marketing: nothing to stop,
 * for the same reason. Export: the log — what, when, on which channel, its outcome — never a message's text, which is
 * not kept. Rectification: nothing held here; messages use the profile's details at the moment they are sent.
 */
@Component
public class MessagePrivacy {

    static final String SCHEDULED = "scheduled-messages";
    static final String LOG = "message-log";

    /** The {@code message-log} category of an export. */
    record MessageLogEntry(UUID appointmentId, String message, String channel, String status, Instant dueAt,
            Instant sentAt) {
    }

    private final ScheduledMessages messages;
    private final MessagePlans plans;
    private final MongoTemplate mongo;
    private final PrivacyEffects effects;
    private final Clock clock;

    MessagePrivacy(ScheduledMessages messages, MessagePlans plans, MongoTemplate mongo, PrivacyEffects effects,
            Clock clock) {
        this.effects = effects;
        this.clock = clock;
        this.messages = messages;
        this.plans = plans;
        this.mongo = mongo;
    }

    /** Journals the messages found before deleting any, so a redelivery after a crash still counts them. */
    public List<CategoryOutcome> erase(Collection<UUID> clientIds) {
        List<ScheduledMessage> held = messages.findByClientIdInOrderByDueAtAsc(clientIds);
        List<String> unsent = held.stream().filter(MessagePrivacy::unsent).map(ScheduledMessage::key).toList();
        int unsentErased = effects.planned(SCHEDULED, unsent);
        int loggedErased = effects.planned(LOG, held.stream().filter(m -> !unsent(m)).map(ScheduledMessage::key)
                .toList());
        mongo.remove(new Query(where("_id").in(unsent)), ScheduledMessage.class);
        plans.deleteByClientIdIn(clientIds);
        messages.deleteByClientIdIn(clientIds);
        return List.of(CategoryOutcome.counted(SCHEDULED, Outcome.ERASED, unsentErased),
                CategoryOutcome.counted(LOG, Outcome.ERASED, loggedErased));
    }

    /**
     * Queues the notice that the client's profile will be erased on {@code erasureOn} (retention of inactive clients)
     * like every message: sent once, retried while the mail server is down. Asked again for the same end date
     * ({@code endsOn}; {@code erasureOn} is later when the notice comes late), nothing changes: the notice goes once.
     */
    public void noticeOfErasure(UUID clientId, LocalDate endsOn, LocalDate erasureOn, LocalDate givenOn) {
        Instant now = clock.instant();
        ScheduledMessage notice = ScheduledMessage.plan(clientId, clientId, ScheduledMessage.Kind.RETENTION_NOTICE,
                null, ScheduledMessage.Channel.EMAIL, endsOn.atStartOfDay(ZoneOffset.UTC).toInstant(), now, 0, now);
        notice.erasureOn = erasureOn;
        notice.noticeGivenOn = givenOn;
        MessageScheduling.insertOnce(mongo, notice);
    }

    /** The day the notice of the end on {@code endsOn} was given to the client, if it was. */
    public Optional<LocalDate> noticeGivenOn(UUID clientId, LocalDate endsOn) {
        String key = ScheduledMessage.plan(clientId, clientId, ScheduledMessage.Kind.RETENTION_NOTICE, null,
                ScheduledMessage.Channel.EMAIL, endsOn.atStartOfDay(ZoneOffset.UTC).toInstant(), Instant.EPOCH, 0,
                Instant.EPOCH).key();
        return Optional.ofNullable(mongo.findById(key, ScheduledMessage.class)).map(found -> found.noticeGivenOn);
    }

    private static boolean unsent(ScheduledMessage message) {
        return message.status() == ScheduledMessage.Status.PENDING
                || message.status() == ScheduledMessage.Status.SENDING;
    }

    /** Service messages go on under a restriction; the receipt says how many are affected and that they are held so. */
    public List<CategoryOutcome> restrict(Collection<UUID> clientIds) {
        int held = messages.findByClientIdInOrderByDueAtAsc(clientIds).size();
        return List.of(CategoryOutcome.counted(LOG, Outcome.RESTRICTED, held));
    }

    public void export(Collection<UUID> clientIds, PersonalDataExport.Builder export) {
        export.category(LOG, messages.findByClientIdInOrderByDueAtAsc(clientIds).stream()
                .map(m -> new MessageLogEntry(m.appointmentId(), describe(m), m.channel().name(), m.status().name(),
                        m.dueAt(), m.sentAt()))
                .toList());
    }

    private static String describe(ScheduledMessage message) {
        return switch (message.kind()) {
            case REMINDER -> "appointment reminder" + (message.offsetHours() == null ? ""
                    : ", " + message.offsetHours() + " hours before");
            case AFTERCARE -> "aftercare instructions";
            case DEPOSIT_RECEIPT -> "deposit receipt";
            case REFUND_RECEIPT -> "refund receipt";
            case RETENTION_NOTICE -> "notice that your details will be erased";
        };
    }
}
