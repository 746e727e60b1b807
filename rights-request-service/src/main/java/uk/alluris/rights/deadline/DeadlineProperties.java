package uk.alluris.rights.deadline;

import java.time.LocalDate;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param bankHolidays days that do not count as working days for deadlines (England and Wales by default, from
 *        {@code bank-holidays.yml})
 */
@ConfigurationProperties("alluris.rights")
record DeadlineProperties(Set<LocalDate> bankHolidays) {

    DeadlineProperties {
        bankHolidays = Set.copyOf(bankHolidays == null ? Set.of() : bankHolidays);
    }
}
