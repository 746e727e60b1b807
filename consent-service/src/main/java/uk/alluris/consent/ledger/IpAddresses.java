package uk.alluris.consent.ledger;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import uk.alluris.kit.problem.ProblemException;

/**
 * IP addresses are kept only anonymised: enough to show a decision came from a network, not from a person. IPv4 keeps
 * its first three octets (/24), IPv6 its first 48 bits. Only literals are accepted, so nothing is ever looked up in DNS.
 */
final class IpAddresses {

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private IpAddresses() {
    }

    static String anonymise(String ip) {
        if (ip == null || ip.isBlank()) {
            return null;
        }
        String literal = ip.strip();
        if (!IPV4.matcher(literal).matches() && !IPV6.matcher(literal).matches()) {
            throw invalid();
        }
        try {
            byte[] address = InetAddress.getByName(literal).getAddress();
            int keep = address.length == 4 ? 3 : 6;
            for (int i = keep; i < address.length; i++) {
                address[i] = 0;
            }
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException e) {
            throw invalid();
        }
    }

    private static ProblemException invalid() {
        return new ProblemException(HttpStatus.BAD_REQUEST, "Invalid input", "evidence.ipAddress is not an IP address");
    }
}
