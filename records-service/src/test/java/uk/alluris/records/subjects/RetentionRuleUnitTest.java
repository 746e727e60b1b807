package uk.alluris.records.subjects;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetentionRuleUnitTest {

    @ParameterizedTest(name = "last entry {0}, born {1} → kept until {2}")
    @CsvSource(nullValues = "none", textBlock = """
            # adult: 8 years after the last entry
            2026-03-10 | 1990-05-01 | 2034-03-10
            # no date of birth: treated as an adult
            2026-03-10 | none       | 2034-03-10
            # 16 at the last entry: 25th birthday (2035-01-01) is later than 8 years (2034-06-01)
            2024-06-01 | 2010-01-01 | 2035-01-01
            # 17 at the last entry: 26th birthday
            2026-06-01 | 2009-01-01 | 2035-01-01
            # a young child: 8 years after is earlier than the 25th birthday
            2026-06-01 | 2020-01-01 | 2045-01-01
            # 17 on the eve of turning 18: the 26th birthday, a day after the 8 years
            2026-12-31 | 2009-01-01 | 2035-01-01
            # just 18: the adult rule
            2026-06-01 | 2008-06-01 | 2034-06-01
            """, delimiter = '|')
    void clinicalRecordsAreKeptAsTheRuleSays(LocalDate lastEntry, LocalDate dateOfBirth, LocalDate expected) {
        assertThat(RetentionRule.keepUntil(lastEntry, dateOfBirth)).isEqualTo(expected);
    }
}
