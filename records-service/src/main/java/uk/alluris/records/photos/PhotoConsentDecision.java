package uk.alluris.records.photos;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One photo-marketing decision as the consent ledger announced it (ConsentGranted / ConsentWithdrawn), kept under the
 * event's id so a redelivery adds nothing. The person is named as the ledger names them: its subject id and email blind
 * index; nothing readable.
 */
@Document("photo_consent_decisions")
record PhotoConsentDecision(@Id UUID eventId, @Indexed String subjectId, @Indexed String emailIndex, String purpose,
        boolean granted, Instant at) {
}
