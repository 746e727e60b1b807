package uk.alluris.gateway.routing;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where each service lives and which public paths it owns. Every URI can be overridden from the environment,
 * e.g. {@code ALLURIS_GATEWAY_SERVICES_BOOKINGSERVICE_URI}.
 */
@ConfigurationProperties("alluris.gateway")
public record GatewayRoutes(Map<String, Service> services) {

    public GatewayRoutes {
        services = Map.copyOf(services == null ? Map.of() : services);
    }

    /** @param paths path patterns the service owns, e.g. {@code /api/bookings/**} */
    public record Service(URI uri, List<String> paths) {

        public Service {
            paths = List.copyOf(paths == null ? List.of() : paths);
        }
    }
}
