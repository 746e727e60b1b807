package uk.alluris.rights.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class StatutoryDeadlinesUnitTest {

    // England and Wales bank holidays used by the cases below.
    private final StatutoryDeadlines deadlines = new StatutoryDeadlines(Set.of(
            LocalDate.parse("2026-04-03"), LocalDate.parse("2026-04-06"), LocalDate.parse("2026-05-04"),
            LocalDate.parse("2026-05-25"), LocalDate.parse("2026-08-31"), LocalDate.parse("2026-12-25"),
            LocalDate.parse("2026-12-28"), LocalDate.parse("2027-01-01")));

    @ParameterizedTest(name = "received {0} -> due {1}")
    @CsvSource({
            "2026-03-03, 2026-04-07",  // 3 April 2026 is Good Friday, 6 April Easter Monday
            "2026-02-03, 2026-03-03",  // the ICO's own example shape: the same date next month
            "2026-01-31, 2026-03-02",  // no 31 February: the last day, 28 Feb 2026, is a Saturday -> Monday 2 March
            "2028-01-31, 2028-02-29",  // leap year: 29 February, a Tuesday
            "2026-10-31, 2026-11-30",  // no 31 November: the 30th, a Monday
            "2026-04-25, 2026-05-26",  // 25 May 2026 is the spring bank holiday
            "2026-11-26, 2026-12-29",  // 26 Dec is a Saturday, 28 Dec its substitute holiday
            "2026-12-01, 2027-01-04",  // 1 January is a holiday, then a weekend
    })
    void theCorrespondingDateNextMonthOnAWorkingDay(LocalDate received, LocalDate due) {
        assertThat(deadlines.dueDate(received)).isEqualTo(due);
    }

    @Test
    void anExtensionCountsFromTheSameStart() {
        assertThat(deadlines.dueDate(LocalDate.parse("2026-06-15"), 2)).isEqualTo(LocalDate.parse("2026-09-15"));
        assertThat(deadlines.dueDate(LocalDate.parse("2026-06-30"), 2)).isEqualTo(LocalDate.parse("2026-09-30"));
        assertThatIllegalArgumentException().isThrownBy(() -> deadlines.dueDate(LocalDate.parse("2026-06-15"), 3));
    }
}
