package uk.alluris.marketing.leads;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
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

    record Conversion(@Schema(description = "The id booking gave the client it registered from this lead",
            example = "8e4b2c6a-1d3f-4a5b-9c7e-0f2a4b6c8d1e") @NotNull UUID clientId) {
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
    @Operation(summary = "Read the leads inbox", description = "The leads still to act on (stored, not yet made a "
            + "client), newest first, one page at a time (page from 1, size 1 to 100). ADMIN and RECEPTION only. "
            + "Anyone suppressed (erased, objected) is left out, checked as the inbox is read; a restricted person "
            + "shows marked as such.")
    LeadInbox.Page inbox(@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size) {
        return inbox.page(page, size);
    }

    @GetMapping("/api/marketing/leads/{id}")
    @Operation(summary = "Read one lead", description = "One stored lead by id, converted or not; a lead not stored "
            + "(still to fetch, dropped) or whose person is suppressed (erased, objected) is a 404. ADMIN and "
            + "RECEPTION only.")
    LeadInbox.InboxLead lead(@PathVariable String id) {
        return inbox.one(id);
    }

    /** Booking registered the lead's person as this client (409 while the person is restricted). */
    @PostMapping("/api/marketing/leads/{id}/conversion")
    @Operation(summary = "Record a lead's conversion", description = "Records that booking registered the lead's "
            + "person as this client; recording the same client again changes nothing, a different one is a 409. "
            + "ADMIN and RECEPTION only. Refused (409) while the person's processing is restricted; a suppressed "
            + "person's lead is a 404.")
    LeadInbox.InboxLead converted(@PathVariable String id, @Valid @RequestBody Conversion body) {
        return inbox.converted(id, body.clientId());
    }

    @GetMapping("/api/marketing/leads/partners")
    @Operation(summary = "List the lead partners", description = "The lead partners configured, in name order, each "
            + "with when it last delivered and its leads by outcome; no person is named. ADMIN and PRIVACY_OFFICER "
            + "only.")
    List<PartnerDeliveries.Partner> partners() {
        return partners.all();
    }

    /**
     * Per source: {@code stored}, {@code duplicate}, {@code dropped-suppressed}, {@code dropped-restricted},
     * {@code dropped-no-contact}, {@code fetch-failed} (counted as they happened) and {@code pending} (Meta lead ids
     * whose fields are still to be fetched, now).
     */
    @GetMapping("/api/marketing/leads/stats")
    @Operation(summary = "Count leads by source", description = "Per source (meta-lead-ads, partner:<name>): leads "
            + "stored, duplicate, dropped because the person is suppressed, restricted or gave no contact, and Meta "
            + "fetches failed, as they happened, plus the Meta leads still to fetch (pending); counts only, never who. "
            + "ADMIN and PRIVACY_OFFICER only.")
    Map<String, Map<String, Long>> stats() {
        Map<String, Map<String, Long>> all = new LinkedHashMap<>(stats.bySource());
        all.computeIfAbsent(LeadIntake.META_SOURCE, source -> new LinkedHashMap<>());
        all.get(LeadIntake.META_SOURCE).put("pending",
                leads.countBySourceAndStatus(LeadIntake.META_SOURCE, Lead.Status.PENDING));
        return all;
    }
}
