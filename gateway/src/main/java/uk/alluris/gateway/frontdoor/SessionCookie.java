package uk.alluris.gateway.frontdoor;

import java.time.Duration;
import org.springframework.http.ResponseCookie;
import uk.alluris.gateway.tokens.IssuedToken;

/** The dashboard's session: the access token in a cookie scripts cannot read and other sites cannot send. */
public final class SessionCookie {

    public static final String NAME = "ALLURIS_SESSION";

    private SessionCookie() {
    }

    public static ResponseCookie of(IssuedToken token) {
        return base(token.accessToken()).maxAge(Duration.ofSeconds(token.expiresIn())).build();
    }

    public static ResponseCookie cleared() {
        return base("").maxAge(Duration.ZERO).build();
    }

    private static ResponseCookie.ResponseCookieBuilder base(String value) {
        return ResponseCookie.from(NAME, value).httpOnly(true).secure(true).sameSite("Strict").path("/");
    }
}
