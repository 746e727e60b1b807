package uk.alluris.kit.retention;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import uk.alluris.kit.problem.ProblemException;
import uk.alluris.kit.security.CurrentCaller;

/**
 * The staff report of what this service's retention job will erase in the next days (counts per category and the
 * earliest date, never who): the privacy officer and the administrator only, as the access rules also say.
 */
@ResponseBody
@org.springframework.stereotype.Controller
class RetentionForecastController {

    static final int MAX_DAYS = 366;

    private final RetentionEnforcement enforcement;

    RetentionForecastController(RetentionEnforcement enforcement) {
        this.enforcement = enforcement;
    }

    @Operation(summary = "Forecast what retention will erase", description = "Counts, per category of the register "
            + "this service holds, the records the nightly retention job will erase within the next days (1 to 366, "
            + "default 30) and the earliest date; never who. The privacy officer and administrators only (403 for "
            + "other roles).")
    @GetMapping("${alluris.retention.forecast-path:/api/retention/forecast}")
    RetentionForecast forecast(@RequestParam(defaultValue = "30") int days) {
        if (!CurrentCaller.get().map(caller -> caller.hasRole("PRIVACY_OFFICER") || caller.hasRole("ADMIN"))
                .orElse(false)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "Forbidden",
                    "only the privacy officer or an administrator may see the retention forecast");
        }
        if (days < 1 || days > MAX_DAYS) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Bad number of days",
                    "days must be between 1 and " + MAX_DAYS);
        }
        return enforcement.forecast(enforcement.clock(), days);
    }
}
