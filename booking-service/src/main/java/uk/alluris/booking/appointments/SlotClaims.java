package uk.alluris.booking.appointments;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import uk.alluris.kit.problem.ProblemException;

/**
 * Why no slot is ever booked twice: each quarter hour of a practitioner's time is one document in {@code slot_claims}
 * whose {@code _id} is the practitioner and the granule, so the store itself refuses a second claim (the {@code _id}
 * index is unique on every MongoDB, embedded or real, with no transaction needed). An appointment claims all its
 * granules before it is saved; on any duplicate it gives back what it took and the caller gets 409. A claim carries its
 * appointment's id, so a claim left by a crash between claiming and saving (its appointment missing, or no longer
 * holding that time) is taken over once it is older than the grace period: it never blocks a slot for ever.
 */
@Component
class SlotClaims {

    static final String COLLECTION = "slot_claims";

    private final MongoTemplate mongo;
    private final Appointments appointments;
    private final BookingRules rules;
    private final Clock clock;

    SlotClaims(MongoTemplate mongo, Appointments appointments, BookingRules rules, Clock clock) {
        this.mongo = mongo;
        this.appointments = appointments;
        this.rules = rules;
        this.clock = clock;
    }

    /** Claims every granule for {@code appointmentId}, or none of them and a 409 problem. */
    void claim(UUID appointmentId, UUID practitionerId, Collection<Instant> granules) {
        List<String> taken = new ArrayList<>();
        for (Instant granule : granules) {
            String key = key(practitionerId, granule);
            if (!claimOne(key, appointmentId, practitionerId, granule)) {
                release(appointmentId, taken);
                throw new ProblemException(HttpStatus.CONFLICT, "Slot taken",
                        "that time with this practitioner has just been booked; choose another slot from availability");
            }
            taken.add(key);
        }
    }

    /** Gives back the granules {@code appointmentId} holds among {@code granules}. */
    void release(UUID appointmentId, UUID practitionerId, Collection<Instant> granules) {
        release(appointmentId, granules.stream().map(granule -> key(practitionerId, granule)).toList());
    }

    /** Gives back every granule {@code appointmentId} holds. */
    void releaseAll(UUID appointmentId) {
        mongo.remove(new Query(where("appointmentId").is(appointmentId)), COLLECTION);
    }

    private boolean claimOne(String key, UUID appointmentId, UUID practitionerId, Instant granule) {
        if (insert(key, appointmentId, practitionerId, granule)) {
            return true;
        }
        Document held = mongo.findById(key, Document.class, COLLECTION);
        if (held == null) {
            return insert(key, appointmentId, practitionerId, granule);
        }
        UUID holder = held.get("appointmentId", UUID.class);
        if (appointmentId.equals(holder)) {
            return true;
        }
        if (orphaned(holder, held.getDate("claimedAt").toInstant(), granule)) {
            mongo.remove(new Query(where("_id").is(key).and("appointmentId").is(holder)), COLLECTION);
            return insert(key, appointmentId, practitionerId, granule);
        }
        return false;
    }

    private boolean insert(String key, UUID appointmentId, UUID practitionerId, Instant granule) {
        try {
            mongo.insert(new Document("_id", key).append("appointmentId", appointmentId)
                    .append("practitionerId", practitionerId).append("granule", granule)
                    .append("claimedAt", clock.instant()), COLLECTION);
            return true;
        } catch (DuplicateKeyException held) {
            return false;
        }
    }

    /** A claim outlived its grace period and its appointment does not hold that time. */
    private boolean orphaned(UUID holder, Instant claimedAt, Instant granule) {
        if (claimedAt.plus(rules.claimGrace()).isAfter(clock.instant())) {
            return false;
        }
        return appointments.findById(holder).filter(Appointment::holdsSlot)
                .filter(a -> !a.start().isAfter(granule) && a.end().isAfter(granule)).isEmpty();
    }

    private void release(UUID appointmentId, List<String> keys) {
        if (!keys.isEmpty()) {
            mongo.remove(new Query(where("_id").in(keys).and("appointmentId").is(appointmentId)), COLLECTION);
        }
    }

    static String key(UUID practitionerId, Instant granule) {
        return practitionerId + "@" + granule;
    }
}
