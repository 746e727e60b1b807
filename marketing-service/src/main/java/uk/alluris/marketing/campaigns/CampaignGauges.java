package uk.alluris.marketing.campaigns;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import uk.alluris.kit.metrics.Sampled;

/**
 * Campaign progress for Prometheus (docs/observability.md): how many campaigns are sending, how many recipients they
 * had when created and how many of those have been handled (sent, failed, skipped or being sent), counted as the
 * staff dashboard's progress counts them. Handled not moving while a campaign sends means its sender stalled
 * (alert CampaignStalled).
 */
@Component
class CampaignGauges {

    static final String SENDING = "alluris.campaigns.sending";
    static final String RECIPIENTS = "alluris.campaigns.recipients";
    static final String HANDLED = "alluris.campaigns.recipients.handled";

    record Progress(long campaigns, long recipients, long handled) {
    }

    private final MongoTemplate mongo;
    private final CampaignProgress progress;

    CampaignGauges(MongoTemplate mongo, CampaignProgress progress, MeterRegistry meters) {
        this.mongo = mongo;
        this.progress = progress;
        Sampled<Progress> sending = Sampled.every(Duration.ofSeconds(5), this::read);
        Gauge.builder(SENDING, sending, sample -> sample.get().campaigns())
                .description("campaigns being sent").register(meters);
        Gauge.builder(RECIPIENTS, sending, sample -> sample.get().recipients())
                .description("recipients of the campaigns being sent").register(meters);
        Gauge.builder(HANDLED, sending, sample -> sample.get().handled())
                .description("recipients of the campaigns being sent that have been handled").register(meters);
    }

    Progress read() {
        long campaigns = 0;
        long recipients = 0;
        long handled = 0;
        for (Campaign campaign : mongo.find(new Query(where("status").is(Campaign.Status.SENDING)), Campaign.class)) {
            campaigns++;
            recipients += campaign.total();
            handled += progress.of(campaign).handled();
        }
        return new Progress(campaigns, recipients, handled);
    }
}
