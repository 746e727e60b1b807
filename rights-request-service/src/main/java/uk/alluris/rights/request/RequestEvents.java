package uk.alluris.rights.request;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import uk.alluris.events.DataExportRequested;
import uk.alluris.events.ErasureRequested;
import uk.alluris.events.MarketingObjectionRequested;
import uk.alluris.events.PrivacyRequestEvent;
import uk.alluris.events.RectificationRequested;
import uk.alluris.events.RestrictionLifted;
import uk.alluris.events.RestrictionRequested;
import uk.alluris.events.SubjectIdentifiers;

/** The event a request fans out as, one type per request type (see the event catalogue). */
final class RequestEvents {

    private RequestEvents() {
    }

    /**
     * The person as the services will match them: subject ids the platform itself named, and the blind index of each
     * proven identifier — nothing the requester merely stated. A request verified before proofs were recorded
     * ({@code proven} null) is taken to have proven its email address only.
     */
    static PrivacyRequestEvent of(PrivacyRequest request, Instant now) {
        List<Identifier> sent = request.proven == null ? List.of(Identifier.EMAIL) : request.proven;
        SubjectIdentifiers subject = new SubjectIdentifiers(request.subjectIds == null ? List.of() : request.subjectIds,
                request.emailIndex == null || !sent.contains(Identifier.EMAIL) ? List.of() : List.of(request.emailIndex),
                request.phoneIndex == null || !sent.contains(Identifier.PHONE) ? List.of() : List.of(request.phoneIndex));
        UUID eventId = UUID.randomUUID();
        UUID id = request.id;
        LocalDate due = request.dueDate;
        return switch (request.type) {
            case ERASURE -> new ErasureRequested(eventId, id, subject, due, now);
            case RESTRICTION -> new RestrictionRequested(eventId, id, subject, due, now);
            case LIFT_RESTRICTION -> new RestrictionLifted(eventId, id, subject, due, now);
            case OBJECTION_TO_MARKETING -> new MarketingObjectionRequested(eventId, id, subject, due, now);
            case ACCESS, PORTABILITY -> new DataExportRequested(eventId, id, subject, due, now, request.type.name(),
                    request.exportRecipientKey);
            case RECTIFICATION -> new RectificationRequested(eventId, id, subject, due, now,
                    request.correctedFields(), request.rectification == null ? null
                            : request.rectification.transportCorrections());
        };
    }
}
