package uk.alluris.kit.retention;

import io.swagger.v3.oas.annotations.media.Schema;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import uk.alluris.kit.register.ProcessingRegister.RetentionStart;

/** What one service will erase in the next {@code days} days, per category of the register it holds. Counts only. */
@Schema(description = "What one service's retention job will erase in the next days, per category; counts only")
public record RetentionForecast(
        @Schema(description = "the service the forecast is of", example = "booking-service") String service,
        @Schema(description = "the day the forecast counts from", example = "2026-11-30") LocalDate asOf,
        @Schema(description = "how many days ahead it looks", example = "30") int days,
        @Schema(description = "one line per category of the register the service holds", example = "[{\"category\":"
                + "\"appointments\",\"name\":\"Appointment details\",\"period\":\"P3Y\",\"startsAt\":"
                + "\"LAST_ACTIVITY\",\"enforced\":true,\"count\":12,\"earliest\":\"2026-12-03\"}]")
        List<CategoryForecast> categories) {

    /**
     * One category: how many records end by {@code asOf + days} and the earliest end date among them (today when
     * some are already due: the next run erases them); {@code enforced} false if no job ends this category here.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "One category's forecast")
    public record CategoryForecast(
            @Schema(description = "the category's key in the register", example = "appointments") String category,
            @Schema(description = "the category's name in the register", example = "Appointment details") String name,
            @Schema(description = "how long it is kept (ISO 8601 period)", type = "string", example = "P3Y")
            Period period,
            @Schema(description = "what the period counts from", example = "LAST_ACTIVITY") RetentionStart startsAt,
            @Schema(description = "false when no job of this service ends this category", example = "true")
            boolean enforced,
            @Schema(description = "records that end within the forecast's days", example = "12") long count,
            @Schema(description = "the earliest end date among them (today when some are already due); absent when "
                    + "none", example = "2026-12-03") LocalDate earliest) {
    }
}
