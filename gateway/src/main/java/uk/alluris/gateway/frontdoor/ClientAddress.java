package uk.alluris.gateway.frontdoor;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.web.server.ServerWebExchange;

/**
 * The address a request really came from: the connection's peer, or, when that peer is one of our own trusted
 * proxies, the last address in {@code X-Forwarded-For} that is not (so a client cannot forge its way to a fresh
 * rate-limit bucket). Addresses are compared as addresses, not as text ({@code ::1} is {@code 0:0:0:0:0:0:0:1}).
 */
public final class ClientAddress {

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    // anything with a colon is parsed as an IPv6 literal and never looked up
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]{2,45}");

    private ClientAddress() {
    }

    public static String of(ServerWebExchange exchange, List<String> trustedProxies) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        String peer = remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
        String forwarded = exchange.getRequest().getHeaders().getFirst("X-Forwarded-For");
        if (forwarded == null || !isTrusted(peer, trustedProxies)) {
            return peer;
        }
        List<String> hops = Arrays.stream(forwarded.split(",")).map(String::trim).filter(h -> !h.isEmpty()).toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!isTrusted(hops.get(i), trustedProxies)) {
                return hops.get(i);
            }
        }
        return peer;
    }

    /**
     * The rate-limit bucket an address falls in: an IPv4 address its own; an IPv6 address its /64, because one
     * subscriber is given a whole /64 and can pick a fresh address inside it for every request.
     */
    static String bucketOf(String address) {
        Optional<InetAddress> parsed = literal(address);
        if (parsed.isEmpty()) {
            return address.length() > 64 ? address.substring(0, 64) : address;
        }
        if (!(parsed.get() instanceof Inet6Address)) {
            return parsed.get().getHostAddress();
        }
        byte[] network = Arrays.copyOf(parsed.get().getAddress(), 16);
        Arrays.fill(network, 8, 16, (byte) 0);
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            throw new IllegalStateException("16 bytes are always an IPv6 address", e);
        }
    }

    private static boolean isTrusted(String address, List<String> trustedProxies) {
        Optional<InetAddress> parsed = literal(address);
        return trustedProxies.stream().anyMatch(proxy -> proxy.equals(address)
                || parsed.isPresent() && parsed.equals(literal(proxy)));
    }

    /** An IP literal (IPv6 possibly in brackets); never a DNS lookup, so a header cannot make the gateway resolve names. */
    static Optional<InetAddress> literal(String text) {
        String literal = text.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        boolean ipv6 = literal.indexOf(':') >= 0 && IPV6.matcher(literal).matches();
        if (!ipv6 && !IPV4.matcher(literal).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(literal));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
