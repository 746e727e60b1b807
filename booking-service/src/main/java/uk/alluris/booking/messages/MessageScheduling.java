package uk.alluris.booking.messages;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import uk.alluris.booking.appointments.AppointmentEvents;

/**
 * Plans each appointment's reminders and aftercare, by email and by SMS, when it is booked; plans them anew when it
 * is moved; calls them off when it is cancelled or missed (aftercare then goes to nobody). Only writes to the store:
 * the dispatcher sends. These are service messages for booked care, so a restriction or an objection to marketing
 * does not stop them — and they carry nothing promotional (docs/bookings.md, Messages).
 */
@Component
@EnableConfigurationProperties(MessageProperties.class)
class MessageScheduling {

    private static final List<ScheduledMessage.Kind> APPOINTMENT_KINDS = List.of(ScheduledMessage.Kind.REMINDER,
            ScheduledMessage.Kind.AFTERCARE);

    private final MessagePlans plans;
    private final MongoTemplate mongo;
    private final MessageProperties properties;
    private final Clock clock;

    MessageScheduling(MessagePlans plans, MongoTemplate mongo, MessageProperties properties, Clock clock) {
        this.plans = plans;
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    /** Also when told again (a replayed booking): the same keys plan nothing twice, and a called-off plan stays off. */
    @EventListener
    void booked(AppointmentEvents.Booked booked) {
        if (plans.findById(booked.appointmentId()).filter(plan -> plan.cancelled).isPresent()) {
            return;
        }
        MessagePlan plan = plans.save(MessagePlan.of(booked.appointmentId(), booked.clientId(), booked.treatmentName(),
                booked.aftercare(), booked.start(), booked.end()));
        schedule(plan);
    }

    @EventListener
    void rescheduled(AppointmentEvents.Rescheduled moved) {
        plans.findById(moved.appointmentId()).filter(plan -> !plan.cancelled).ifPresent(plan -> {
            // never sent, so nothing of them is worth keeping: the moved appointment's own messages replace them
            mongo.remove(pendingOf(moved.appointmentId()), ScheduledMessage.class);
            plan.start = moved.start();
            plan.end = moved.end();
            schedule(plans.save(plan));
        });
    }

    @EventListener
    void cancelled(AppointmentEvents.Cancelled cancelled) {
        callOff(cancelled.appointmentId());
    }

    @EventListener
    void missed(AppointmentEvents.NoShow missed) {
        callOff(missed.appointmentId());
    }

    private void callOff(UUID appointmentId) {
        plans.findById(appointmentId).ifPresent(plan -> {
            plan.cancelled = true;
            plans.save(plan);
        });
        mongo.updateMulti(pendingOf(appointmentId), new Update().set("status", ScheduledMessage.Status.CANCELLED)
                .set("lastError", "the appointment was cancelled or missed"), ScheduledMessage.class);
    }

    private void schedule(MessagePlan plan) {
        Instant now = clock.instant();
        QuietHours quiet = properties.quietHours();
        for (ReminderSchedule.Due due : properties.schedule().plan(now, plan.start, plan.end, plan.hasAftercare())) {
            Instant plannedFor = due.kind() == ScheduledMessage.Kind.AFTERCARE ? plan.end : plan.start;
            for (ScheduledMessage.Channel channel : ScheduledMessage.Channel.values()) {
                Instant at = channel == ScheduledMessage.Channel.SMS ? quiet.nextAllowed(due.at()) : due.at();
                insertOnce(mongo, ScheduledMessage.plan(plan.appointmentId, plan.clientId, due.kind(), due.offset(),
                        channel, plannedFor, at, 0, now));
            }
        }
    }

    /** A message already planned under the same key (a redelivered event) stays as it is. */
    static void insertOnce(MongoTemplate mongo, ScheduledMessage message) {
        try {
            mongo.insert(message);
        } catch (DuplicateKeyException planned) {
            // planned before: its key names the same message
        }
    }

    private static Query pendingOf(UUID appointmentId) {
        return new Query(where("appointmentId").is(appointmentId).and("status").is(ScheduledMessage.Status.PENDING)
                .and("kind").in(APPOINTMENT_KINDS));
    }
}
