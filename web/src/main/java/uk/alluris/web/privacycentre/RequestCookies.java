package uk.alluris.web.privacycentre;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * Where the visitor's browser keeps a request's own tokens: in cookies only that request's pages receive (path
 * {@code /privacy/requests/{id}}), HttpOnly, Secure, SameSite=Strict — so no token and no email address is ever in a
 * page address, a history entry or a log line. Four months: the statutory month plus the longest extension.
 */
final class RequestCookies {

    static final String FOLLOW = "alluris_follow";
    static final String DOWNLOAD = "alluris_download";
    private static final Duration KEPT = Duration.ofDays(124);

    private RequestCookies() {
    }

    static void keep(HttpServletResponse answer, UUID id, String name, String token) {
        if (token != null) {
            answer.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(name, token).path(path(id)).httpOnly(true)
                    .secure(true).sameSite("Strict").maxAge(KEPT).build().toString());
        }
    }

    static Optional<String> read(HttpServletRequest request, String name) {
        return Optional.ofNullable(request.getCookies()).stream().flatMap(Arrays::stream)
                .filter(cookie -> cookie.getName().equals(name)).map(Cookie::getValue)
                .filter(value -> !value.isBlank()).findFirst();
    }

    static String path(UUID id) {
        return "/privacy/requests/" + id;
    }
}
