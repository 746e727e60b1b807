package uk.alluris.kit.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import uk.alluris.kit.register.ProcessingRegister.Retention;
import uk.alluris.kit.register.ProcessingRegister.RetentionStart;

/**
 * One category's retention seen from one day: a record whose period started on {@code start} ends on
 * {@link #endDate(LocalDate)}, and is erased on that day, not before. Services query by the latest starting date
 * that has ended ({@link #lastEndedStart()}), so no end date is ever copied into a record.
 */
public record RetentionDay(String category, Retention retention, LocalDate today) {

    /** Days are the clinic's. */
    public static final ZoneId CLINIC = ZoneId.of("Europe/London");

    /** The UK tax year ends on 5 April; a record of 5 April belongs to the year ending that day. */
    static final MonthDay FINANCIAL_YEAR_END = MonthDay.of(4, 5);

    /** The day a record whose period started on {@code start} ends, and from which it is erased. */
    public LocalDate endDate(LocalDate start) {
        return periodStart(start).plus(retention.period());
    }

    /**
     * The latest starting date whose end date is today or earlier: every record that started on or before it is
     * due. Found exactly, since month arithmetic does not invert (31 Aug + 6 months = 28 Feb).
     */
    public LocalDate lastEndedStart() {
        if (retention.startsAt() == RetentionStart.END_OF_FINANCIAL_YEAR) {
            // every record up to the last year end whose period has run out
            LocalDate yearEnd = FINANCIAL_YEAR_END.atYear(today.minus(retention.period()).getYear());
            return yearEnd.plus(retention.period()).isAfter(today) ? yearEnd.minusYears(1) : yearEnd;
        }
        LocalDate candidate = today.minus(retention.period());
        while (!endDate(candidate.plusDays(1)).isAfter(today)) {
            candidate = candidate.plusDays(1);
        }
        while (endDate(candidate).isAfter(today)) {
            candidate = candidate.minusDays(1);
        }
        return candidate;
    }

    /** Records stamped before this instant have ended: the start of the day after {@link #lastEndedStart()}. */
    public Instant endedBefore() {
        return lastEndedStart().plusDays(1).atStartOfDay(CLINIC).toInstant();
    }

    /** The clinic's day an instant fell on: the starting date of a record stamped with it. */
    public static LocalDate clinicDay(Instant at) {
        return LocalDate.ofInstant(at, CLINIC);
    }

    /** The same category seen {@code days} later: what will have ended by then. */
    public RetentionDay plusDays(long days) {
        return new RetentionDay(category, retention, today.plusDays(days));
    }

    private LocalDate periodStart(LocalDate start) {
        return retention.startsAt() == RetentionStart.END_OF_FINANCIAL_YEAR ? endOfFinancialYear(start) : start;
    }

    /** The 5 April that ends the UK tax year {@code date} falls in. */
    public static LocalDate endOfFinancialYear(LocalDate date) {
        LocalDate thisYear = FINANCIAL_YEAR_END.atYear(date.getYear());
        return date.isAfter(thisYear) ? thisYear.plusYears(1) : thisYear;
    }
}
