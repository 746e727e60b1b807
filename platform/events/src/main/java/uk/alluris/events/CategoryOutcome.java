package uk.alluris.events;

import java.time.LocalDate;

/**
 * One line of a receipt. {@code legalGround} and {@code retainedUntil} are set exactly when the outcome is
 * {@link Outcome#RETAINED}.
 */
public record CategoryOutcome(String category, Outcome outcome, int count, String legalGround, LocalDate retainedUntil) {

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
