package uk.alluris.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class UkFormatsUnitTest {

    private final UkFormats uk = new UkFormats();

    @Test
    void datesAreDayMonthYearAndTimesAreOnTheClinicsClockInSummerAndWinter() {
        assertThat(uk.date(LocalDate.of(2026, 3, 4))).isEqualTo("04/03/2026");
        assertThat(uk.dateTime(Instant.parse("2026-07-01T09:30:00Z"))).isEqualTo("01/07/2026 10:30");
        assertThat(uk.time(Instant.parse("2026-12-01T09:30:00Z"))).isEqualTo("09:30");
        assertThat(uk.date(Instant.parse("2026-06-30T23:30:00Z"))).isEqualTo("01/07/2026");
        assertThat(uk.date((LocalDate) null)).isEqualTo("—");
    }

    @Test
    void moneyIsInPoundsWithPenceAndThousandsSeparated() {
        assertThat(uk.pounds(25000)).isEqualTo("£250.00");
        assertThat(uk.pounds(123456789)).isEqualTo("£1,234,567.89");
        assertThat(uk.pounds(5)).isEqualTo("£0.05");
    }

    @Test
    void aListIsCutIntoPagesOfTwentyAndAPageBeyondTheEndShowsTheLast() {
        List<Integer> all = IntStream.rangeClosed(1, 45).boxed().toList();
        Paged<Integer> second = Paged.of(all, 2);
        assertThat(second.items()).first().isEqualTo(21);
        assertThat(second.pages()).isEqualTo(3);
        assertThat(second.hasPrevious()).isTrue();
        assertThat(second.hasNext()).isTrue();
        assertThat(Paged.of(all, 99).items()).containsExactly(41, 42, 43, 44, 45);
        assertThat(Paged.of(List.of(), 1).pages()).isEqualTo(1);
    }
}
