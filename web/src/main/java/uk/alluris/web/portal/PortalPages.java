package uk.alluris.web.portal;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.alluris.web.pages.RegisterReading;
import uk.alluris.web.services.Service;
import uk.alluris.web.services.ServiceCalls;
import uk.alluris.web.services.ServiceDown;
import uk.alluris.web.services.ServiceRefused;

/**
 * The portal's front page, its sign-in (whose script speaks to the gateway, the only token issuer), sign-out (the
 * gateway revokes the token on every service; the cookie is cleared here so it works without JavaScript), the
 * "not for you" page and "how we use your data" (the register of processing the rights service publishes).
 */
@Controller
class PortalPages {

    private final ServiceCalls calls;
    private final MyProfile me;
    private final RegisterReading register;

    PortalPages(ServiceCalls calls, MyProfile me, RegisterReading register) {
        this.calls = calls;
        this.me = me;
        this.register = register;
    }

    @GetMapping(PortalSecurity.SIGN_IN)
    String signIn(@RequestParam(required = false) String signedOut, Model model) {
        model.addAttribute("signedOut", signedOut != null);
        return "portal/sign-in";
    }

    @GetMapping({ "/portal", "/portal/" })
    String home(Model model) {
        model.addAttribute("profile", me.find().orElse(null));
        return "portal/home";
    }

    /** "How we use your data": the register of processing as the rights service publishes it. */
    @GetMapping("/portal/policy")
    String policy(Model model) {
        model.addAttribute("register", register.read());
        return "portal/policy";
    }

    @RequestMapping(PortalSecurity.FORBIDDEN)
    String forbidden(HttpServletResponse response) {
        response.setStatus(403);
        return "portal/forbidden";
    }

    @PostMapping("/portal/sign-out")
    String signOut(HttpServletResponse response) {
        try {
            calls.post(Service.GATEWAY, "/auth/logout", null, Void.class);
        } catch (ServiceRefused | ServiceDown notConfirmed) {
            // the cookie still goes; the token ends with its short lifetime
        }
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from("ALLURIS_SESSION", "").httpOnly(true)
                .secure(true).sameSite("Strict").path("/").maxAge(0).build().toString());
        return "redirect:" + PortalSecurity.SIGN_IN + "?signedOut";
    }
}
