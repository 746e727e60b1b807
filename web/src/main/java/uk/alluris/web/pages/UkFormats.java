package uk.alluris.web.pages;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Dates as dd/MM/yyyy, times on the clinic's clock (Europe/London, BST or GMT), money in pounds: {@code @uk} in pages. */
@Component("uk")
public class UkFormats {

    public static final ZoneId CLINIC = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.UK);

    public String date(LocalDate date) {
        return date == null ? "—" : DATE.format(date);
    }

    public String date(Instant instant) {
        return instant == null ? "—" : DATE.format(instant.atZone(CLINIC));
    }

    public String time(Instant instant) {
        return instant == null ? "—" : TIME.format(instant.atZone(CLINIC));
    }

    public String dateTime(Instant instant) {
        return instant == null ? "—" : DATE_TIME.format(instant.atZone(CLINIC));
    }

    public String pounds(long pence) {
        return String.format(Locale.UK, "£%,d.%02d", pence / 100, Math.abs(pence % 100));
    }
}
