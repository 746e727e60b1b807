package uk.alluris.marketing.subscribers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class IpAddressesTest {

    @Test
    void ipv4KeepsItsSlash24AndIpv6ItsSlash48() {
        assertThat(IpAddresses.anonymise("203.0.113.77")).isEqualTo("203.0.113.0");
        assertThat(IpAddresses.anonymise("2001:db8:abcd:12:34::1")).isEqualTo("2001:db8:abcd:0:0:0:0:0");
        assertThat(IpAddresses.anonymise("[2001:db8:abcd:12::1]")).isEqualTo("2001:db8:abcd:0:0:0:0:0");
    }

    @Test
    void anythingButAnIpLiteralIsNoAddress() {
        assertThat(IpAddresses.anonymise("example.com")).isNull();
        assertThat(IpAddresses.anonymise("999.1.1.1")).isNull();
        assertThat(IpAddresses.anonymise("")).isNull();
        assertThat(IpAddresses.anonymise(null)).isNull();
        assertThat(IpAddresses.anonymise("1:2:3:4:5:6:7:8:9:10")).isNull();
    }

    @Test
    void behindTheGatewayTheCallerIsTheLastForwardedAddress() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("127.0.0.1");
        request.addHeader("X-Forwarded-For", "10.9.9.9, 198.51.100.23");

        assertThat(IpAddresses.anonymisedCaller(request)).isEqualTo("198.51.100.0");
        assertThat(IpAddresses.anonymisedCaller(new MockHttpServletRequest())).isEqualTo("127.0.0.0");
    }
}
