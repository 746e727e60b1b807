package uk.alluris.marketing.suppression;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Staff see how many people are suppressed and why; the indexes themselves stay inside the service. */
@RestController
class SuppressionController {

    private final SuppressionList suppression;

    SuppressionController(SuppressionList suppression) {
        this.suppression = suppression;
    }

    @GetMapping("/api/marketing/suppression")
    Map<SuppressionEntry.Reason, Long> counts() {
        return suppression.countsByReason();
    }
}
