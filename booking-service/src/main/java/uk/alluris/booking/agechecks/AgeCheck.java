package uk.alluris.booking.agechecks;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Evidence that staff took reasonable steps to establish a client's age (the defence the 2021 Act allows): which
 * document was seen, who checked it and when. The document's number and image are never kept.
 */
@Document("age_checks")
record AgeCheck(@Id UUID id, @Indexed UUID clientId, DocumentType documentType, String checkedBy, Instant checkedAt,
        Instant recordedAt) {

    /** Photo identity the clinic accepts as proof of age (PASS-accredited cards included). */
    enum DocumentType {
        PASSPORT, DRIVING_LICENCE, PASS_CARD, BIOMETRIC_RESIDENCE_PERMIT, ARMED_FORCES_ID
    }
}
