package uk.alluris.marketing.suppression;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One blind index that must not be marketed to: no address, no name, only the keyed hash that recognises the
 * person if they turn up again (through a form, an import or a lead). The index is the document id, so each appears
 * once whatever the number of requests that named it.
 */
@Document("suppression_list")
public record SuppressionEntry(@Id String index, Kind kind, Reason reason, Instant since) {

    public enum Kind {
        EMAIL, PHONE
    }

    public enum Reason {
        /** The person was erased; the index is all that is left, so they are never marketed to again. */
        ERASURE,
        /** The person objected to direct marketing (an absolute right: it never lapses). */
        OBJECTION,
        /** Processing is restricted; the entry goes when the restriction is lifted. */
        RESTRICTION;

        /** Erasure and objection are for good; a restriction only lasts until it is lifted. */
        public boolean lasting() {
            return this != RESTRICTION;
        }
    }
}
