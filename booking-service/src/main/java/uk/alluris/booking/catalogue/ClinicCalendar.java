package uk.alluris.booking.catalogue;

import java.time.ZoneId;
import java.time.LocalDate;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The clinic's time zone (Europe/London: every day, opening hour and slot is in clinic time, DST included) and the
 * bank holidays it is closed on (England and Wales by default, from {@code bank-holidays.yml}; override
 * {@code alluris.booking.calendar.bank-holidays} for another nation).
 */
@ConfigurationProperties("alluris.booking.calendar")
public record ClinicCalendar(ZoneId zone, Set<LocalDate> bankHolidays) {

    public ClinicCalendar {
        zone = zone == null ? ZoneId.of("Europe/London") : zone;
        bankHolidays = Set.copyOf(bankHolidays == null ? Set.of() : bankHolidays);
    }
}
