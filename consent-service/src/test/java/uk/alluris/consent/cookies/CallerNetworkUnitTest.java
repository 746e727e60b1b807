package uk.alluris.consent.cookies;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** A visitor's network is kept only anonymised: IPv4 to /24, IPv6 to /48, anything else not at all. */
class CallerNetworkUnitTest {

    @Test
    void anIpv4CallerIsKeptAsItsSlash24FromTheAddressTheGatewayAddedLast() {
        assertThat(CallerNetwork.of(request("203.0.113.250, 198.51.100.77", "10.0.0.5"))).isEqualTo("198.51.100.0");
    }

    @Test
    void anIpv6CallerIsKeptAsItsSlash48() {
        assertThat(CallerNetwork.of(request("2001:db8:abcd:12:3456::9", "10.0.0.5")))
                .isEqualTo("2001:db8:abcd:0:0:0:0:0");
    }

    @Test
    void withoutForwardingTheConnectionsAddressIsAnonymisedAndGarbageIsKeptAsNothing() {
        assertThat(CallerNetwork.of(request(null, "192.0.2.99"))).isEqualTo("192.0.2.0");
        assertThat(CallerNetwork.of(request("evil.example.com", "192.0.2.99"))).isNull();
    }

    private static MockHttpServletRequest request(String forwardedFor, String remote) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/consents/visitors/x/decisions");
        request.setRemoteAddr(remote);
        if (forwardedFor != null) {
            request.addHeader("X-Forwarded-For", forwardedFor);
        }
        return request;
    }
}
