package uk.alluris.events;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;

/**
 * One line of a receipt. {@code legalGround} and {@code retainedUntil} are set exactly when the outcome is
 * {@link Outcome#RETAINED}.
 */
@Schema(description = "What one service did with one category of the person's data (a line of a receipt)")
public record CategoryOutcome(
        @Schema(description = "the category's key in the register of processing", example = "appointments")
        String category,
        @Schema(description = "what was done: ERASED, RETAINED, RESTRICTED, EXPORTED, RECTIFIED, NOT_HELD, WITHDRAWN "
                + "or RESTRICTION_LIFTED (new values may be added)", example = "RETAINED") Outcome outcome,
        @Schema(description = "how many records of the category it concerned", example = "4") int count,
        @Schema(description = "why the data is kept, exactly when the outcome is RETAINED",
                example = "HMRC requires payment records for six years") String legalGround,
        @Schema(description = "until when it is kept, where the ground ends", example = "2032-04-05")
        LocalDate retainedUntil) {

    public CategoryOutcome {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
        if ((outcome == Outcome.RETAINED) != (legalGround != null)) {
            throw new IllegalArgumentException("a legal ground is given exactly when data is retained");
        }
    }

    public static CategoryOutcome of(String category, Outcome outcome, int count) {
        return new CategoryOutcome(category, outcome, count, null, null);
    }

    /** {@code outcome} for {@code count} records, or {@code NOT_HELD} when there were none. */
    public static CategoryOutcome counted(String category, Outcome outcome, int count) {
        return of(category, count == 0 ? Outcome.NOT_HELD : outcome, count);
    }

    public static CategoryOutcome retained(String category, int count, String legalGround, LocalDate until) {
        return new CategoryOutcome(category, Outcome.RETAINED, count, legalGround, until);
    }
}
