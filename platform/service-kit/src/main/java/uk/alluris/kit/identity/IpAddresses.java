package uk.alluris.kit.identity;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * IP addresses are kept only anonymised, as consent evidence: enough to show a decision came from a network, not
 * from a person. IPv4 keeps its first three octets (/24), IPv6 its first 48 bits. Only literals are read (an IPv6
 * literal may be bracketed), so nothing is ever looked up in DNS.
 */
public final class IpAddresses {

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private IpAddresses() {
    }

    /** The anonymised address; {@code null} for none, and for anything that does not read as an IP literal. */
    public static String anonymise(String ip) {
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
