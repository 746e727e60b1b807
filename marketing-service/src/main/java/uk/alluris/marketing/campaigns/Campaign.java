package uk.alluris.marketing.campaigns;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One campaign sent by staff to a list. While {@link Status#SENDING} it is driven in the background by whichever
 * instance holds its lease ({@code leaseOwner} until {@code leaseUntil}); its counts are read live from the sends. Once
 * {@link Status#SENT} the counts are frozen here, so erasing a person's send record later does not rewrite history.
 */
@Document("campaigns")
class Campaign {

    public enum Status {
        SENDING, SENT
    }

    @Id
    UUID id;
    String list;
    String subject;
    String body;
    String channel;
    @Indexed
    Status status;
    Instant createdAt;
    Instant completedAt;
    /** How many were on the list when the campaign was created (the final count once sent). */
    int total;
    int sent;
    int failed;
    Map<CampaignSend.Reason, Integer> skipped = new LinkedHashMap<>();
    String leaseOwner;
    Instant leaseUntil;

    static Campaign start(UUID id, String list, String subject, String body, String channel, int total, Instant now) {
        Campaign campaign = new Campaign();
        campaign.id = id;
        campaign.list = list;
        campaign.subject = subject;
        campaign.body = body;
        campaign.channel = channel;
        campaign.status = Status.SENDING;
        campaign.createdAt = now;
        campaign.total = total;
        return campaign;
    }

    public UUID id() {
        return id;
    }

    public String list() {
        return list;
    }

    public String subject() {
        return subject;
    }

    public String body() {
        return body;
    }

    public String channel() {
        return channel;
    }

    public Status status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant completedAt() {
        return completedAt;
    }

    public int total() {
        return total;
    }

    public int sent() {
        return sent;
    }

    public int failed() {
        return failed;
    }

    public Map<CampaignSend.Reason, Integer> skipped() {
        return new LinkedHashMap<>(skipped);
    }
}
