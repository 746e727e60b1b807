package uk.alluris.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the front door costs: the same authenticated GET (a client profile, as reception) straight to booking, through
 * nginx (a plain reverse proxy with upstream keep-alive) and through the gateway, driven by wrk at the same
 * concurrency, alternating the targets in two rounds so that a neighbour's burst on the shared machine falls on all
 * three. A target whose tool is missing is named with the reason and skipped.
 */
final class FrontDoor {

    /** Each measured route's figures (in the order direct, nginx, gateway) and why any route was not measured. */
    record Result(Map<String, Wrk.Run> routes, Map<String, String> skipped) {

        Optional<Double> gatewayVsNginxThroughput() {
            return ratio(r -> r.throughput());
        }

        Optional<Double> gatewayVsNginxP99() {
            return ratio(r -> r.p99Ms());
        }

        private Optional<Double> ratio(java.util.function.ToDoubleFunction<Wrk.Run> figure) {
            Wrk.Run gateway = routes.get(GATEWAY);
            Wrk.Run nginx = routes.get(NGINX);
            return gateway == null || nginx == null ? Optional.empty()
                    : Optional.of(figure.applyAsDouble(gateway) / figure.applyAsDouble(nginx));
        }
    }

    static final String DIRECT = "direct to booking";
    static final String NGINX = "through nginx";
    static final String GATEWAY = "through the gateway";

    private final Target target;

    FrontDoor(Target target) {
        this.target = target;
    }

    Result run(String clientId, String token, int seconds, int connections) throws IOException {
        String path = "/api/bookings/clients/" + clientId;
        Path work = Files.createTempDirectory("alluris-frontdoor");
        Map<String, String> skipped = new LinkedHashMap<>();
        Optional<Wrk> wrk = Wrk.find(work);
        if (wrk.isEmpty()) {
            skipped.put("all routes", "wrk is not installed (Debian: apt-get install wrk)");
            return new Result(Map.of(), skipped);
        }
        Optional<Nginx> nginx = Nginx.start(target.bookingUrl(), work);
        if (nginx.isEmpty()) {
            skipped.put(NGINX, "nginx is not installed (Debian: apt-get install nginx-light)");
        }
        try {
            Map<String, String> urls = new LinkedHashMap<>();
            urls.put(DIRECT, target.bookingUrl() + path);
            nginx.ifPresent(n -> urls.put(NGINX, n.url() + path));
            urls.put(GATEWAY, target.gatewayUrl() + path);
            for (Map.Entry<String, String> url : urls.entrySet()) {
                wrk.get().run(url.getKey(), url.getValue(), token, Math.max(1, seconds / 10), connections);
            }
            int half = Math.max(1, seconds / 2);
            Map<String, Wrk.Run> routes = new LinkedHashMap<>();
            for (int round = 0; round < 2; round++) {
                for (Map.Entry<String, String> url : urls.entrySet()) {
                    Wrk.Run run = wrk.get().run(url.getKey(), url.getValue(), token, half, connections);
                    routes.merge(url.getKey(), run, Wrk.Run::and);
                }
            }
            return new Result(routes, skipped);
        } finally {
            nginx.ifPresent(Nginx::close);
        }
    }
}
