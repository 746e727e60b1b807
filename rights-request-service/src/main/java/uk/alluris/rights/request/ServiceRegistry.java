package uk.alluris.rights.request;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The data-holding services every request asks, and how patiently.
 *
 * @param registry the data-holding services that must answer every request before it is complete
 * @param chaseAfter how long a service may stay silent before it is asked again; each further ask waits twice as long
 * @param chaseAtMost the longest wait between two asks
 */
@ConfigurationProperties("alluris.rights")
public record ServiceRegistry(List<String> registry, Duration chaseAfter, Duration chaseAtMost) {

    public ServiceRegistry {
        registry = List.copyOf(registry == null ? List.of() : registry);
        chaseAfter = chaseAfter == null ? Duration.ofMinutes(1) : chaseAfter;
        chaseAtMost = chaseAtMost == null ? Duration.ofHours(1) : chaseAtMost;
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
