package uk.alluris.consent.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.alluris.events.PolicyVersionPublished;
import uk.alluris.kit.outbox.OutboxMessage;
import uk.alluris.kit.outbox.OutboxOwner;

/**
 * One published version of the privacy policy: its whole text, the day it takes effect, what changed, and whether
 * the change is material (people must be told). Never changed once published; the announcement leaves through the
 * outbox in the same save.
 */
@Document("policy_versions")
class PolicyVersion implements OutboxOwner {

    @Id
    String version;
    String text;
    String summary;
    LocalDate effectiveFrom;
    boolean material;
    String publishedBy;
    Instant publishedAt;
    List<OutboxMessage> outbox = new ArrayList<>();

    static PolicyVersion published(String version, String text, String summary, LocalDate effectiveFrom,
            boolean material, String publishedBy, Instant now) {
        PolicyVersion published = new PolicyVersion();
        published.version = version;
        published.text = text;
        published.summary = summary;
        published.effectiveFrom = effectiveFrom;
        published.material = material;
        published.publishedBy = publishedBy;
        published.publishedAt = now;
        published.outbox.add(OutboxMessage.of(new PolicyVersionPublished(UUID.randomUUID(), version, effectiveFrom,
                material, summary, now)));
        return published;
    }

    @Override
    public List<OutboxMessage> outbox() {
        return outbox;
    }
}
