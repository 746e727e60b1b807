package uk.alluris.booking.privacy;

import java.util.List;
import org.springframework.stereotype.Component;
import uk.alluris.events.SubjectIdentifiers;
import uk.alluris.kit.retention.RetainedCategory;
import uk.alluris.kit.retention.RetentionDay;

/**
 * Inactive clients ({@code client-profiles} in the register) are erased the way an erasure request erases them
 * ({@link BookingPrivacy#erase}): the profile and future appointments go, past appointments stay without identity,
 * payments stay for their own period. Noticed first ({@link InactiveClients}); restriction or objection does not
 * keep them.
 */
@Component
class ClientProfileRetention implements RetainedCategory {

    private final InactiveClients inactive;
    private final BookingPrivacy erasure;

    ClientProfileRetention(InactiveClients inactive, BookingPrivacy erasure) {
        this.inactive = inactive;
        this.erasure = erasure;
    }

    @Override
    public String category() {
        return "client-profiles";
    }

    @Override
    public long eraseEnded(RetentionDay day) {
        List<InactiveClients.Inactive> due = inactive.decided(day);
        due.forEach(client -> erasure.erase(
                new SubjectIdentifiers(List.of(client.clientId().toString()), List.of(), List.of())));
        return due.size();
    }

    @Override
    public Ending ending(RetentionDay day) {
        List<InactiveClients.Inactive> ending = inactive.endingBy(day);
        return new Ending(ending.size(), ending.stream().map(InactiveClients.Inactive::endsOn).min(Comparable::compareTo));
    }
}
