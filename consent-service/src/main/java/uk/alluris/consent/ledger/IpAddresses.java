package uk.alluris.consent.ledger;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import uk.alluris.kit.problem.ProblemException;

/** IP addresses are kept only anonymised: enough to show a decision came from a network, not from a person. */
final class IpAddresses {

    private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F:.]+");

    private IpAddresses() {
    }

    static String anonymise(String ip) {
        if (ip == null || ip.isBlank()) {
            return null;
        }
        if (!LITERAL.matcher(ip.strip()).matches()) {
            throw invalid();
        }
        try {
            byte[] address = InetAddress.getByName(ip.strip()).getAddress();
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
