package uk.alluris.kit.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import org.junit.jupiter.api.Test;
import uk.alluris.kit.register.ProcessingRegister.Retention;
import uk.alluris.kit.register.ProcessingRegister.RetentionStart;

class RetentionDayUnitTest {

    private static RetentionDay day(String period, RetentionStart start, String today) {
        return new RetentionDay("test", new Retention(Period.parse(period), start, "ground", null),
                LocalDate.parse(today));
    }

    @Test
    void theFinancialYearEndsOnTheFifthOfAprilOnOrAfterTheRecordsDate() {
        assertThat(RetentionDay.endOfFinancialYear(LocalDate.parse("2026-04-05"))).isEqualTo("2026-04-05");
        assertThat(RetentionDay.endOfFinancialYear(LocalDate.parse("2026-04-06"))).isEqualTo("2027-04-05");
        assertThat(RetentionDay.endOfFinancialYear(LocalDate.parse("2026-01-31"))).isEqualTo("2026-04-05");
    }

    @Test
    void aPaymentEndsSixYearsAfterTheEndOfTheFinancialYearItWasMadeIn() {
        var day = day("P6Y", RetentionStart.END_OF_FINANCIAL_YEAR, "2032-04-05");

        assertThat(day.endDate(LocalDate.parse("2026-04-06"))).isEqualTo("2033-04-05");
        assertThat(day.endDate(LocalDate.parse("2025-11-30"))).isEqualTo("2032-04-05");
        assertThat(day.lastEndedStart()).isEqualTo("2026-04-05");
        assertThat(day("P6Y", RetentionStart.END_OF_FINANCIAL_YEAR, "2032-04-04").lastEndedStart())
                .isEqualTo("2025-04-05");
    }

    @Test
    void aRecordIsDueOnItsEndDateAndNotTheDayBefore() {
        var onTheDay = day("P6M", RetentionStart.CREATION, "2027-02-28");
        LocalDate created = LocalDate.parse("2026-08-31");

        assertThat(onTheDay.endDate(created)).isEqualTo("2027-02-28");
        // month arithmetic does not invert: 28 Feb minus 6 months is 28 Aug, yet the 31 Aug record is due
        assertThat(onTheDay.lastEndedStart()).isEqualTo("2026-08-31");
        assertThat(day("P6M", RetentionStart.CREATION, "2027-02-27").lastEndedStart()).isEqualTo("2026-08-27");
    }

    @Test
    void aPeriodInDaysEndsThatManyDaysAfterItsStart() {
        var day = day("P30D", RetentionStart.COMPLETION, "2026-12-31");

        assertThat(day.lastEndedStart()).isEqualTo("2026-12-01");
        assertThat(day.plusDays(1).lastEndedStart()).isEqualTo("2026-12-02");
    }
}
