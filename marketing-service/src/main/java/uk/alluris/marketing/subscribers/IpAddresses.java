package uk.alluris.marketing.subscribers;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The address a sign-up came from, kept only anonymised, as consent evidence: IPv4 to its /24, IPv6 to its /48.
 * Behind the gateway the caller is the last address the gateway added to {@code X-Forwarded-For}. Only literals are
 * read, so nothing is ever looked up in DNS; anything else is no address at all.
 */
final class IpAddresses {

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private IpAddresses() {
    }

    /** The caller's address, anonymised; null when there is none that reads as an IP literal. */
    static String anonymisedCaller(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            String[] hops = forwarded.split(",");
            return anonymise(hops[hops.length - 1]);
        }
        return anonymise(request.getRemoteAddr());
    }

    static String anonymise(String ip) {
        if (ip == null || ip.isBlank()) {
            return null;
        }
        String literal = ip.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        if (literal.length() > 45 || !IPV4.matcher(literal).matches() && !IPV6.matcher(literal).matches()) {
            return null;
        }
        try {
            byte[] address = InetAddress.getByName(literal).getAddress();
            int keep = address.length == 4 ? 3 : 6;
            for (int i = keep; i < address.length; i++) {
                address[i] = 0;
            }
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
