package uk.alluris.marketing.leads;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Staff see how leads fared per source, including those dropped because the person may not be marketed to. */
@RestController
class LeadController {

    private final LeadStats stats;
    private final Leads leads;

    LeadController(LeadStats stats, Leads leads) {
        this.stats = stats;
        this.leads = leads;
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
