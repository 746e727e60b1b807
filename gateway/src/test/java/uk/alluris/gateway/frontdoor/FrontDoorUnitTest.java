package uk.alluris.gateway.frontdoor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class FrontDoorUnitTest {

    @ParameterizedTest
    @ValueSource(strings = { "/%61uth/client/token", "/auth/%63lient/token", "/auth/client/tok%65n", "//auth/client/token",
            "/auth//client/token", "/./auth/client/token", "/auth/./client/token", "/x/../auth/client/token",
            "/auth/client/token;jsessionid=1", "/auth;x=1/client/token", "/auth/client/token/..", "/auth\\client\\token",
            "/auth/client/token%2F", "/auth/client%2ftoken", "/%2e/auth/client/token", "/auth/client/token%00" })
    void everyOtherSpellingOfAPathIsRefused(String spelling) {
        assertThat(CanonicalPath.problemWith(spelling)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/", "/auth/client/token", "/.well-known/jwks.json", "/services/booking-service/health",
            "/api/privacy/requests/1d30c0de-0000-4000-8000-000000000000/verification", "/webhooks/leads/acme",
            "/api/bookings/clients/" })
    void plainPathsPass(String path) {
        assertThat(CanonicalPath.problemWith(path)).isEmpty();
    }

    @Test
    void limitsIgnoreCaseAndATrailingSlash() {
        assertThat(FrontDoorFilter.scopeOf(HttpMethod.POST, CanonicalPath.forLimits("/AUTH/Client/Token/"), false))
                .contains("auth");
        assertThat(FrontDoorFilter.scopeOf(HttpMethod.POST, CanonicalPath.forLimits("/API/Privacy/Requests/"), false))
                .contains("public");
        assertThat(FrontDoorFilter.scopeOf(HttpMethod.GET, CanonicalPath.forLimits("/api/bookings/clients"), false))
                .isEmpty();
    }

    @Test
    void theRegisterOfProcessingCountsAgainstTheCallersAddressWithOrWithoutASignIn() {
        assertThat(FrontDoorFilter.scopeOf(HttpMethod.GET, CanonicalPath.forLimits("/API/Privacy/Register/"), false))
                .contains("public");
        assertThat(FrontDoorFilter.scopeOf(HttpMethod.GET, CanonicalPath.forLimits("/api/privacy/register"), true))
                .contains("public");
        assertThat(FrontDoorFilter.scopeOf(HttpMethod.GET, CanonicalPath.forLimits("/api/privacy/registers"), false))
                .isEmpty();
    }

    @Test
    void thePrivacyCentresFormPostsAndBundleDownloadsCountAgainstTheVisitorsAddressButItsPagesAndPollingDoNot() {
        assertThat(FrontDoorFilter.scopeOf(HttpMethod.POST, CanonicalPath.forLimits("/privacy/requests"), false))
                .contains("public");
        assertThat(FrontDoorFilter.scopeOf(HttpMethod.POST, CanonicalPath.forLimits("/Privacy/Requests/1/Code/"), false))
                .contains("public");
        assertThat(FrontDoorFilter.scopeOf(HttpMethod.GET, CanonicalPath.forLimits("/privacy/requests/1/bundle"), false))
                .contains("public");
        assertThat(FrontDoorFilter.scopeOf(HttpMethod.GET, CanonicalPath.forLimits("/api/privacy/requests/1/progress"),
                false)).contains("public");
        assertThat(FrontDoorFilter.scopeOf(HttpMethod.GET, CanonicalPath.forLimits("/privacy"), false)).isEmpty();
        assertThat(FrontDoorFilter.scopeOf(HttpMethod.GET, CanonicalPath.forLimits("/privacy/requests/1/services"), false))
                .isEmpty();
        assertThat(FrontDoorFilter.scopeOf(HttpMethod.POST, CanonicalPath.forLimits("/privacyx"), false)).isEmpty();
    }

    @Test
    void anIpv6CallerIsBucketedByItsSlash64AndAnIpv4CallerByItsAddress() {
        assertThat(ClientAddress.bucketOf("2001:db8:1:2::1")).isEqualTo(ClientAddress.bucketOf("2001:db8:1:2:ffff:1:2:3"))
                .isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(ClientAddress.bucketOf("2001:db8:1:3::1")).isNotEqualTo(ClientAddress.bucketOf("2001:db8:1:2::1"));
        assertThat(ClientAddress.bucketOf("[2001:DB8:1:2::9]")).isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(ClientAddress.bucketOf("192.0.2.1")).isEqualTo("192.0.2.1");
        assertThat(ClientAddress.bucketOf("192.0.2.2")).isNotEqualTo(ClientAddress.bucketOf("192.0.2.1"));
        assertThat(ClientAddress.bucketOf("::ffff:192.0.2.1")).isEqualTo("192.0.2.1");
    }

    @Test
    void aHeaderValueThatIsNoAddressIsNeverLookedUp() {
        assertThat(ClientAddress.literal("example.com")).isEmpty();
        assertThat(ClientAddress.literal("ab.cd.ef.ab")).isEmpty();
        assertThat(ClientAddress.literal("999.1.1.1")).isEmpty();
        assertThat(ClientAddress.bucketOf("example.com")).isEqualTo("example.com");
    }

    @Test
    void aTrustedProxyIsRecognisedHoweverItsAddressIsWritten() {
        MockServerWebExchange viaProxy = MockServerWebExchange.from(MockServerHttpRequest.post("/auth/login")
                .remoteAddress(new InetSocketAddress("::1", 4000)).header("X-Forwarded-For", "2001:db8::7, 10.0.0.1"));

        assertThat(ClientAddress.of(viaProxy, List.of("0:0:0:0:0:0:0:1", "10.0.0.1"))).isEqualTo("2001:db8::7");
    }

    @Test
    void anUntrustedPeerCannotPickItsOwnAddress() {
        MockServerWebExchange forged = MockServerWebExchange.from(MockServerHttpRequest.post("/auth/login")
                .remoteAddress(new InetSocketAddress("192.0.2.50", 4000)).header("X-Forwarded-For", "10.9.9.9"));

        assertThat(ClientAddress.of(forged, List.of("127.0.0.1"))).isEqualTo("192.0.2.50");
    }
}
