package uk.alluris.marketing.subscribers;

import jakarta.servlet.http.HttpServletRequest;
import uk.alluris.kit.identity.IpAddresses;

/**
 * The address a sign-up came from, kept only anonymised ({@link IpAddresses}), as consent evidence. Behind the gateway
 * the caller is the last address the gateway added to {@code X-Forwarded-For}.
 */
final class CallerAddress {

    private CallerAddress() {
    }

    /** The caller's address, anonymised; null when there is none that reads as an IP literal. */
    static String anonymised(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            String[] hops = forwarded.split(",");
            return IpAddresses.anonymise(hops[hops.length - 1]);
        }
        return IpAddresses.anonymise(request.getRemoteAddr());
    }
}
