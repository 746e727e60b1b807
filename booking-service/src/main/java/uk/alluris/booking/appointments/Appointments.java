package uk.alluris.booking.appointments;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.mongodb.repository.Query;

interface Appointments extends MongoRepository<Appointment, UUID> {

    List<Appointment> findByClientIdOrderByStartAsc(UUID clientId);

    /** The booked appointments of these practitioners that overlap {@code [from, to)}. */
    @Query("{ practitionerId: { $in: ?0 }, status: 'BOOKED', start: { $lt: ?2 }, end: { $gt: ?1 } }")
    List<Appointment> findBookedOverlapping(Collection<UUID> practitionerIds, Instant from, Instant to);

    /** The appointments with a change whose reactions have been pending since before {@code cutoff}. */
    @Query("{ 'pendingReactions.since': { $lt: ?0 } }")
    List<Appointment> findAwaitingReactionsSince(Instant cutoff);

    /** Every appointment starting in {@code [from, to)}, earliest first. */
    @Query(value = "{ start: { $gte: ?0, $lt: ?1 } }", sort = "{ start: 1 }")
    List<Appointment> findStartingIn(Instant from, Instant to);
}
