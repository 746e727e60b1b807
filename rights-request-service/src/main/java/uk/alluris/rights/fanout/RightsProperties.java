package uk.alluris.rights.fanout;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param registry the data-holding services that must answer every request before it is complete
 * @param chaseAfter how long a service may stay silent before it is asked again; each further ask waits twice as long
 * @param chaseAtMost the longest wait between two asks
 * @param bankHolidays days that do not count as working days for deadlines (England and Wales by default)
 * @param contactKeyset the Tink AEAD keyset (JSON) that seals requesters' contact details
 */
@ConfigurationProperties("alluris.rights")
public record RightsProperties(List<String> registry, Duration chaseAfter, Duration chaseAtMost,
        Set<LocalDate> bankHolidays, String contactKeyset) {

    public RightsProperties {
        registry = List.copyOf(registry == null ? List.of() : registry);
        chaseAfter = chaseAfter == null ? Duration.ofMinutes(1) : chaseAfter;
        chaseAtMost = chaseAtMost == null ? Duration.ofHours(1) : chaseAtMost;
        bankHolidays = Set.copyOf(bankHolidays == null ? Set.of() : bankHolidays);
        if (registry.isEmpty()) {
            throw new IllegalArgumentException("alluris.rights.registry must name the data-holding services");
        }
    }

    /** How long to wait after the {@code timesAsked}-th ask before asking again. */
    public Duration waitAfter(int timesAsked) {
        Duration wait = chaseAfter.multipliedBy(1L << Math.min(timesAsked - 1, 20));
        return wait.compareTo(chaseAtMost) > 0 ? chaseAtMost : wait;
    }
}
