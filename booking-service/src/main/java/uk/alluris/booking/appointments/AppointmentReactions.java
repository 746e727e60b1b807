package uk.alluris.booking.appointments;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sees an appointment's changes through to their reactions (deposits, reminders, aftercare) even when the service
 * dies between saving a change and reacting to it. The change is saved with its {@link PendingReaction}s in one
 * document write; after the save they are told to the listeners, in order, and each is cleared once the listeners have
 * returned. Whatever is still pending after a grace period (a crash, a listener that failed) is told again by
 * {@link #replayStale()}, so the listeners are idempotent: a replay opens no second deposit and plans no message twice.
 */
@Component
class AppointmentReactions {

    private static final Logger log = LoggerFactory.getLogger(AppointmentReactions.class);

    private final Appointments appointments;
    private final MongoTemplate mongo;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration grace;

    AppointmentReactions(Appointments appointments, MongoTemplate mongo, ApplicationEventPublisher events, Clock clock,
            @Value("${alluris.booking.reactions.grace:PT1M}") Duration grace) {
        this.appointments = appointments;
        this.mongo = mongo;
        this.events = events;
        this.clock = clock;
        this.grace = grace;
    }

    /**
     * Tells the listeners every reaction the saved appointment still awaits, oldest first, clearing each as it is
     * done. A listener that fails leaves its reaction (and the later ones, to keep their order) for the replay.
     */
    void react(Appointment appointment) {
        for (PendingReaction pending : appointment.pendingReactions()) {
            try {
                events.publishEvent(pending.event());
            } catch (RuntimeException e) {
                log.warn("appointment {}: a reaction to its change failed; replayed later ({})", appointment.id(),
                        e.getClass().getSimpleName());
                return;
            }
            mongo.updateFirst(new Query(where("_id").is(appointment.id())),
                    new Update().pull("pendingReactions", new Document("key", pending.key())), Appointment.class);
        }
    }

    /** Replays the reactions that have waited longer than the grace period; the live path has had its chance. */
    @Scheduled(fixedDelayString = "${alluris.booking.reactions.replay-interval:PT30S}",
            initialDelayString = "${alluris.booking.reactions.replay-interval:PT30S}")
    @SchedulerLock(name = "booking-appointment-reactions", lockAtMostFor = "PT5M")
    public void replayStale() {
        List<Appointment> stale = appointments.findAwaitingReactionsSince(clock.instant().minus(grace));
        for (Appointment appointment : stale) {
            log.info("appointment {}: replaying {} reaction(s) its change never saw through", appointment.id(),
                    appointment.pendingReactions().size());
            react(appointment);
        }
    }
}
