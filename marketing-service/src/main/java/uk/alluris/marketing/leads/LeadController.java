package uk.alluris.marketing.leads;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff see how leads fared per source (including those dropped because the person may not be marketed to), the lead
 * partners with their last delivery, and the inbox of leads still to act on; making a lead a client is recorded here
 * after booking registered them.
 */
@RestController
class LeadController {

    record Conversion(@NotNull UUID clientId) {
    }

    private final LeadStats stats;
    private final Leads leads;
    private final LeadInbox inbox;
    private final PartnerDeliveries partners;

    LeadController(LeadStats stats, Leads leads, LeadInbox inbox, PartnerDeliveries partners) {
        this.stats = stats;
        this.leads = leads;
        this.inbox = inbox;
        this.partners = partners;
    }

    /** The leads still to act on, newest first; nobody suppressed. */
    @GetMapping("/api/marketing/leads")
    LeadInbox.Page inbox(@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size) {
        return inbox.page(page, size);
    }

    @GetMapping("/api/marketing/leads/{id}")
    LeadInbox.InboxLead lead(@PathVariable String id) {
        return inbox.one(id);
    }

    /** Booking registered the lead's person as this client (409 while the person is restricted). */
    @PostMapping("/api/marketing/leads/{id}/conversion")
    LeadInbox.InboxLead converted(@PathVariable String id, @Valid @RequestBody Conversion body) {
        return inbox.converted(id, body.clientId());
    }

    @GetMapping("/api/marketing/leads/partners")
    List<PartnerDeliveries.Partner> partners() {
        return partners.all();
    }

    /**
     * Per source: {@code stored}, {@code duplicate}, {@code dropped-suppressed}, {@code dropped-restricted},
     * {@code dropped-no-contact}, {@code fetch-failed} (counted as they happened) and {@code pending} (Meta lead ids
     * whose fields are still to be fetched, now).
     */
    @GetMapping("/api/marketing/leads/stats")
    Map<String, Map<String, Long>> stats() {
        Map<String, Map<String, Long>> all = new LinkedHashMap<>(stats.bySource());
        all.computeIfAbsent(LeadIntake.META_SOURCE, source -> new LinkedHashMap<>());
        all.get(LeadIntake.META_SOURCE).put("pending",
                leads.countBySourceAndStatus(LeadIntake.META_SOURCE, Lead.Status.PENDING));
        return all;
    }
}
