package uk.alluris.web.signin;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.alluris.web.services.Service;
import uk.alluris.web.services.ServiceCalls;
import uk.alluris.web.services.ServiceDown;
import uk.alluris.web.services.ServiceRefused;

/**
 * The sign-in page (its script speaks to the gateway, the only token issuer), the dashboard's front page, and
 * sign-out: the gateway revokes the token on every service, and the browser's session cookie is cleared here so that
 * signing out works without JavaScript.
 */
@Controller
class SignInPages {

    private final ServiceCalls calls;

    SignInPages(ServiceCalls calls) {
        this.calls = calls;
    }

    @GetMapping("/staff/sign-in")
    String signIn(@RequestParam(required = false) String signedOut, Model model) {
        model.addAttribute("signedOut", signedOut != null);
        return "staff/sign-in";
    }

    @GetMapping({ "/staff", "/staff/" })
    String home() {
        return "staff/home";
    }

    @PostMapping("/staff/sign-out")
    String signOut(HttpServletResponse response) {
        try {
            calls.post(Service.GATEWAY, "/auth/logout", null, Void.class);
        } catch (ServiceRefused | ServiceDown notConfirmed) {
            // the cookie still goes; the token ends with its short lifetime
        }
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from("ALLURIS_SESSION", "").httpOnly(true)
                .secure(true).sameSite("Strict").path("/").maxAge(0).build().toString());
        return "redirect:/staff/sign-in?signedOut";
    }
}
