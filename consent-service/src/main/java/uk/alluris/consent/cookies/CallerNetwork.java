package uk.alluris.consent.cookies;

import jakarta.servlet.http.HttpServletRequest;
import uk.alluris.kit.identity.IpAddresses;

/**
 * The network a visitor's choice came from, as consent evidence: the address anonymised to IPv4 /24 or IPv6 /48, never
 * the address itself. Behind the gateway the caller is the last address the gateway added to {@code X-Forwarded-For}.
 */
final class CallerNetwork {

    private CallerNetwork() {
    }

    /** The anonymised network; null when there is no address that reads as an IP literal. */
    static String of(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            String[] hops = forwarded.split(",");
            return IpAddresses.anonymise(hops[hops.length - 1]);
        }
        return IpAddresses.anonymise(request.getRemoteAddr());
    }
}
