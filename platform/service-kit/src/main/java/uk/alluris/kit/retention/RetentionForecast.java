package uk.alluris.kit.retention;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import uk.alluris.kit.register.ProcessingRegister.RetentionStart;

/** What one service will erase in the next {@code days} days, per category of the register it holds. Counts only. */
public record RetentionForecast(String service, LocalDate asOf, int days, List<CategoryForecast> categories) {

    /**
     * One category: how many records end by {@code asOf + days} and the earliest end date among them (today when
     * some are already due: the next run erases them); {@code enforced} false if no job ends this category here.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CategoryForecast(String category, String name, Period period, RetentionStart startsAt,
            boolean enforced, long count, LocalDate earliest) {
    }
}
