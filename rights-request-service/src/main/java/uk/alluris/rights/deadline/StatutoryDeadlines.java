package uk.alluris.rights.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * The ICO's rule for when a request must be answered: the corresponding calendar date in the next month, counted
 * from the day the request was received or, when identity had to be checked, the day the proof arrived; the last day
 * of that month when it has no such date; and the next working day when that date is a weekend or a bank holiday.
 * An extension adds up to two further months to the same starting day.
 */
public class StatutoryDeadlines {

    private final Set<LocalDate> bankHolidays;

    public StatutoryDeadlines(Set<LocalDate> bankHolidays) {
        this.bankHolidays = Set.copyOf(bankHolidays);
    }

    /** When a request whose clock started on {@code start} is due. */
    public LocalDate dueDate(LocalDate start) {
        return dueDate(start, 0);
    }

    /** When it is due after an extension of {@code extraMonths} (1 or 2). */
    public LocalDate dueDate(LocalDate start, int extraMonths) {
        if (extraMonths < 0 || extraMonths > 2) {
            throw new IllegalArgumentException("an extension is one or two months");
        }
        // plusMonths already gives the month's last day when it has no corresponding date (31 Jan -> 28/29 Feb).
        LocalDate due = start.plusMonths(1L + extraMonths);
        while (!isWorkingDay(due)) {
            due = due.plusDays(1);
        }
        return due;
    }

    public boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !bankHolidays.contains(day);
    }
}
