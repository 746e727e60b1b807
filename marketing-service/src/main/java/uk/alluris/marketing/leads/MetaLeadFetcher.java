package uk.alluris.marketing.leads;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import uk.alluris.marketing.MarketingProperties;
import uk.alluris.marketing.subscribers.MarketingChannel;

/**
 * Fetches the fields of Meta leads whose ids the webhook recorded: at once, in the background (Meta is answered
 * before), and again on a schedule for any whose fetch failed, until it succeeds or is given up. A lead is claimed
 * before it is fetched (its next attempt pushed past a lease), so two instances, or the immediate fetch and the
 * schedule, never fetch the same lead at once.
 */
@Component
class MetaLeadFetcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MetaLeadFetcher.class);
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final int ROUND = 100;

    private final MongoTemplate mongo;
    private final GraphLeads graph;
    private final LeadIntake intake;
    private final MarketingProperties.Meta meta;
    private final Clock clock;
    private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "meta-lead-fetch");
        thread.setDaemon(true);
        return thread;
    });

    MetaLeadFetcher(MongoTemplate mongo, GraphLeads graph, LeadIntake intake, MarketingProperties properties,
            Clock clock) {
        this.mongo = mongo;
        this.graph = graph;
        this.intake = intake;
        this.meta = properties.meta();
        this.clock = clock;
    }

    /** Fetches these leads in the background, now. */
    void soon(Collection<String> leadIds) {
        if (leadIds.isEmpty()) {
            return;
        }
        List<String> ids = List.copyOf(leadIds);
        try {
            background.execute(() -> ids.forEach(this::fetchSafely));
        } catch (RejectedExecutionException stopping) {
            // the schedule picks them up after a restart
        }
    }

    /** Every pending lead whose next attempt is due. */
    @Scheduled(fixedDelayString = "${alluris.marketing.meta.pending-retry-interval:1m}",
            initialDelayString = "${alluris.marketing.meta.pending-retry-interval:1m}")
    void retryPending() {
        Query due = new Query(where("status").is(Lead.Status.PENDING.name()).and("nextFetchAt").lte(clock.instant()))
                .with(Sort.by("nextFetchAt")).limit(ROUND);
        due.fields().include("_id");
        List<String> ids = mongo.find(due, Lead.class).stream().map(Lead::id).toList();
        if (!ids.isEmpty()) {
            log.info("{} pending Meta lead(s) to fetch again", ids.size());
            try {
                background.execute(() -> ids.forEach(this::fetchSafely));
            } catch (RejectedExecutionException stopping) {
                // next round
            }
        }
    }

    private void fetchSafely(String leadId) {
        try {
            fetch(leadId);
        } catch (RuntimeException e) {
            log.warn("fetching lead {} failed unexpectedly; it stays pending: {}", leadId, e.getClass().getSimpleName());
        }
    }

    /** Claims the lead (if still pending and due), fetches its fields and hands them to the intake. */
    void fetch(String leadId) {
        Instant now = clock.instant();
        Lead lead = mongo.findAndModify(
                new Query(where("_id").is(leadId).and("status").is(Lead.Status.PENDING.name()).and("nextFetchAt").lte(now)),
                new Update().set("nextFetchAt", now.plus(LEASE)), FindAndModifyOptions.options().returnNew(true),
                Lead.class);
        if (lead == null) {
            return;
        }
        GraphLeads.MetaLead fetched;
        try {
            fetched = graph.fetch(lead.externalId());
        } catch (GraphLeads.Unavailable e) {
            log.warn("lead {} could not be fetched ({}); it stays pending", lead.id(), e.getMessage());
            intake.fetchFailed(lead, e.getMessage());
            return;
        }
        if (lead.capturedAt == null) {
            lead.capturedAt = fetched.createdTime();
        }
        intake.completeMetaLead(lead, details(fetched, lead.formId()));
    }

    /** The lead's person and consents, from the fields Meta's standard questions and disclaimer checkboxes give. */
    LeadIntake.Details details(GraphLeads.MetaLead fetched, String formId) {
        Map<String, String> fields = fetched.fields();
        String fullName = fields.get("full_name");
        if (fullName == null && (fields.containsKey("first_name") || fields.containsKey("last_name"))) {
            fullName = (fields.getOrDefault("first_name", "") + " " + fields.getOrDefault("last_name", "")).strip();
        }
        EnumSet<MarketingChannel> consents = EnumSet.noneOf(MarketingChannel.class);
        for (MarketingChannel channel : MarketingChannel.values()) {
            String checkbox = meta.consentCheckboxes().get(channel.wireName());
            if (checkbox != null && fetched.checkedBoxes().contains(checkbox)) {
                consents.add(channel);
            }
        }
        String phone = fields.getOrDefault("phone_number", fields.get("phone"));
        return new LeadIntake.Details(fields.get("email"), phone, fullName, consents, meta.consentTextFor(formId));
    }

    @Override
    public void destroy() {
        background.shutdownNow();
    }
}
