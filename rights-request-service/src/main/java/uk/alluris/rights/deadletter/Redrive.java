package uk.alluris.rights.deadletter;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The evidence that a dead letter was sent back to its topic: which message (its dead-letter topic, partition and
 * offset, which are also its id, so the same letter is redriven once), its CloudEvents type and id, where it went,
 * who sent it and when. No body and no personal data.
 */
@Document("dead-letter-redrives")
record Redrive(@Id String id, String deadLetterTopic, int partition, long offset, String originalTopic,
        String ceType, String ceId, String by, Instant at) {

    static String idOf(String deadLetterTopic, int partition, long offset) {
        return deadLetterTopic + ":" + partition + ":" + offset;
    }
}
