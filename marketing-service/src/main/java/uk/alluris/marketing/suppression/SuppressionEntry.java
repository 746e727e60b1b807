package uk.alluris.marketing.suppression;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One blind index that must never be marketed to: no address, no name, only the keyed hash that recognises the
 * person if they turn up again (through a form, an import or a lead).
 */
@Document("suppression_list")
public record SuppressionEntry(@Id String index, Kind kind, Reason reason, Instant since) {

    public enum Kind {
        EMAIL, PHONE
    }

    public enum Reason {
        ERASURE, OBJECTION
    }
}
