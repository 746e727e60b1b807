package uk.alluris.rights.request;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import uk.alluris.events.CategoryOutcome;

/**
 * What the privacy office itself holds about a person — the disclosure log and complaints — which every request acts
 * on like a data-holding service's data. The request feature calls it when a request starts, before the started request
 * is saved (so a crash in between repeats it, and each category's handling is idempotent), and writes the outcomes into
 * the request's evidence as the office's receipt. The bundle asks it for the person's records. Implemented by the
 * {@code privacy} package, which composes each aggregate's own {@code *Privacy}.
 */
public interface OfficeRecordsPrivacy {

    /** The person a request names, by the identifiers that were proven. */
    record Person(UUID requestId, RequestType type, String emailIndex, String phoneIndex) {

        public static Person of(PrivacyRequest request) {
            return new Person(request.id(), request.type(), request.emailIndex(), request.phoneIndex());
        }
    }

    /** Applies the request to the office's records; one receipt line per category. */
    List<CategoryOutcome> act(Person person, Instant now);

    /** The person's office records for their access bundle, by category (a category the person has none of is empty). */
    Map<String, List<?>> export(Person person);
}
