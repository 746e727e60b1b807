package uk.alluris.kit.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IpAddressesUnitTest {

    @Test
    void ipv4KeepsItsSlash24AndIpv6ItsSlash48() {
        assertThat(IpAddresses.anonymise("203.0.113.77")).isEqualTo("203.0.113.0");
        assertThat(IpAddresses.anonymise(" 203.0.113.77 ")).isEqualTo("203.0.113.0");
        assertThat(IpAddresses.anonymise("2001:db8:abcd:12:34::1")).isEqualTo("2001:db8:abcd:0:0:0:0:0");
        assertThat(IpAddresses.anonymise("[2001:db8:abcd:12::1]")).isEqualTo("2001:db8:abcd:0:0:0:0:0");
    }

    @Test
    void anythingButAnIpLiteralIsNoAddressAndNothingIsLookedUp() {
        assertThat(IpAddresses.anonymise("example.com")).isNull();
        assertThat(IpAddresses.anonymise("999.1.1.1")).isNull();
        assertThat(IpAddresses.anonymise("")).isNull();
        assertThat(IpAddresses.anonymise(null)).isNull();
        assertThat(IpAddresses.anonymise("1:2:3:4:5:6:7:8:9:10")).isNull();
    }
}
