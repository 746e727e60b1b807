package uk.alluris.web.security;

import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** What a browser gets instead of a service's 401/403 problem: the sign-in page, or the friendly 403 page. */
final class BrowserAnswers {

    static final String SIGN_IN = "/staff/sign-in";

    private BrowserAnswers() {
    }

    /** htmx follows {@code HX-Redirect} with a full page load; a plain request follows the 302. */
    static AuthenticationEntryPoint toSignIn() {
        return (request, response, e) -> {
            if (request.getHeader("HX-Request") != null) {
                response.setHeader("HX-Redirect", SIGN_IN);
                response.setStatus(401);
            } else {
                response.sendRedirect(SIGN_IN);
            }
        };
    }

    /** A forged or stale CSRF token lands here too: it is refused the same way. */
    static AccessDeniedHandler forbiddenPage() {
        return (request, response, e) -> {
            response.setStatus(403);
            request.getRequestDispatcher("/staff/forbidden").forward(request, response);
        };
    }
}
