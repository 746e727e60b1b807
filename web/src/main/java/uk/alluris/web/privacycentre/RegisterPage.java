package uk.alluris.web.privacycentre;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;
import uk.alluris.web.pages.RegisterReading;
import uk.alluris.web.services.ServiceDown;

/**
 * {@code /privacy/register}: "how we use your data" for anyone, without an account — the register of processing as
 * the rights service publishes it, the same entries the portal and every access bundle show. A page to read, with no
 * form: nothing to limit beyond the gateway's own limits, nothing about any person on it.
 */
@Controller
class RegisterPage extends CentrePage {

    private final RegisterReading register;

    RegisterPage(RegisterReading register) {
        this.register = register;
    }

    @GetMapping("/privacy/register")
    ModelAndView register(HttpServletResponse response) {
        response.setHeader("Cache-Control", CacheControl.noCache().getHeaderValue());
        return new ModelAndView("privacy/register").addObject("register", register.read());
    }

    @Override
    ModelAndView down(ServiceDown down, HttpServletResponse response) {
        response.setStatus(503);
        return problem("We cannot show how we use your data right now",
                "The part of our system that publishes it is not answering. Please try again in a few minutes.",
                "Back to your privacy", "/privacy");
    }
}
