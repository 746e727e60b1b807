package uk.alluris.gateway.frontdoor;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import org.springframework.web.server.ServerWebExchange;

/**
 * The address a request really came from: the connection's peer, or, when that peer is one of our own trusted
 * proxies, the last address in {@code X-Forwarded-For} that is not (so a client cannot forge its way to a fresh
 * rate-limit bucket).
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(ServerWebExchange exchange, List<String> trustedProxies) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        String peer = remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
        String forwarded = exchange.getRequest().getHeaders().getFirst("X-Forwarded-For");
        if (forwarded == null || !trustedProxies.contains(peer)) {
            return peer;
        }
        List<String> hops = Arrays.stream(forwarded.split(",")).map(String::trim).filter(h -> !h.isEmpty()).toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!trustedProxies.contains(hops.get(i))) {
                return hops.get(i);
            }
        }
        return peer;
    }
}
