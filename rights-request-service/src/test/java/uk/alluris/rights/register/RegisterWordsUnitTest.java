package uk.alluris.rights.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Period;
import org.junit.jupiter.api.Test;
import uk.alluris.kit.register.ProcessingRegister.RetentionStart;

class RegisterWordsUnitTest {

    @Test
    void aRetentionPeriodReadsAsALengthAfterTheEventThatStartsIt() {
        assertThat(RegisterWords.retention(Period.ofYears(6), RetentionStart.END_OF_FINANCIAL_YEAR))
                .isEqualTo("6 years after the end of the financial year it belongs to");
        assertThat(RegisterWords.retention(Period.ofDays(30), RetentionStart.COMPLETION))
                .isEqualTo("30 days after the request is completed");
        assertThat(RegisterWords.length(Period.of(1, 6, 0))).isEqualTo("1 year and 6 months");
        assertThat(RegisterWords.length(Period.ofMonths(1))).isEqualTo("1 month");
    }
}
