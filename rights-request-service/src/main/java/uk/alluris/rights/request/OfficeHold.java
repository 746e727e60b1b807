package uk.alluris.rights.request;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Why an office record (a disclosure, a complaint) is held back from normal use: an erasure request it must outlive
 * (kept on {@code ground} until {@code until}) or a restriction request. Held records are still shown to the privacy
 * office, marked, and still exported to the person; nothing new is done with them.
 */
public record OfficeHold(UUID requestId, RequestType kind, Instant since, LocalDate until, String ground) {

    public static OfficeHold erasure(UUID requestId, Instant since, LocalDate until, String ground) {
        return new OfficeHold(requestId, RequestType.ERASURE, since, until, ground);
    }

    public static OfficeHold restriction(UUID requestId, Instant since) {
        return new OfficeHold(requestId, RequestType.RESTRICTION, since, null, "restricted at the person's request");
    }

    /** A lifted restriction ends a restriction hold, never an erasure's. */
    public boolean liftedBy(RequestType request) {
        return request == RequestType.LIFT_RESTRICTION && kind == RequestType.RESTRICTION;
    }
}
