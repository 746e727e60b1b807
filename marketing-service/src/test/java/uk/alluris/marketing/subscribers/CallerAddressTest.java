package uk.alluris.marketing.subscribers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class CallerAddressTest {

    @Test
    void behindTheGatewayTheCallerIsTheLastForwardedAddress() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("127.0.0.1");
        request.addHeader("X-Forwarded-For", "10.9.9.9, 198.51.100.23");

        assertThat(CallerAddress.anonymised(request)).isEqualTo("198.51.100.0");
        assertThat(CallerAddress.anonymised(new MockHttpServletRequest())).isEqualTo("127.0.0.0");
    }
}
