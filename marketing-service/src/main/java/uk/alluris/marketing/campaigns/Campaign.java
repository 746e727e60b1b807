package uk.alluris.marketing.campaigns;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One campaign sent by staff to a list, with how many it reached and why the others were skipped. */
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
    Status status;
    Instant createdAt;
    Instant completedAt;
    int sent;
    int failed;
    Map<CampaignSend.Reason, Integer> skipped = new LinkedHashMap<>();

    static Campaign start(String list, String subject, String body, String channel, Instant now) {
        Campaign campaign = new Campaign();
        campaign.id = UUID.randomUUID();
        campaign.list = list;
        campaign.subject = subject;
        campaign.body = body;
        campaign.channel = channel;
        campaign.status = Status.SENDING;
        campaign.createdAt = now;
        return campaign;
    }

    void count(CampaignSend send) {
        switch (send.outcome()) {
            case SENT:
                sent++;
                break;
            case FAILED:
                failed++;
                break;
            default:
                skipped.merge(send.reason(), 1, Integer::sum);
        }
    }

    void completed(Instant now) {
        status = Status.SENT;
        completedAt = now;
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
