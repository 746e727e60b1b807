package uk.alluris.rights.deadletter;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The evidence that a dead letter was sent back to its topic: which message (its dead-letter topic, partition and
 * offset, which are also its id, so the same letter is redriven once), its CloudEvents type and id, where it went,
 * who sent it and when. No body and no personal data.
 */
@Document("dead-letter-redrives")
record Redrive(@Schema(description = "The message's dead-letter topic, partition and offset, joined by colons: the"
        + " same message is redriven once", example = "error.privacy.receipts.rights-request-service:0:42")
        @Id String id,
        @Schema(description = "The dead-letter topic it was parked on",
                example = "error.privacy.receipts.rights-request-service")
        String deadLetterTopic,
        @Schema(description = "Its partition on that topic", example = "0") int partition,
        @Schema(description = "Its offset in that partition", example = "42") long offset,
        @Schema(description = "The topic it was sent back to, where it first failed", example = "privacy.receipts")
        String originalTopic,
        @Schema(description = "Its CloudEvents type (ce_type); null if the message had none",
                example = "uk.alluris.privacy.ReceiptIssued.v1") String ceType,
        @Schema(description = "Its CloudEvents id (ce_id); null if the message had none",
                example = "b1e7c4a9-6d2f-4a83-9e5b-0c3f8d2a7164") String ceId,
        @Schema(description = "Who sent it back: the privacy officer's username", example = "privacy@alluris.local")
        String by,
        @Schema(description = "When it was sent back (ISO 8601, UTC)", example = "2026-12-03T11:05:00Z") Instant at) {

    static String idOf(String deadLetterTopic, int partition, long offset) {
        return deadLetterTopic + ":" + partition + ":" + offset;
    }
}
