package uk.alluris.web.privacycentre;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import uk.alluris.web.services.ServiceRefused;

/**
 * Asking: choose what you want, give your email address (and, if you like, name and phone), and prove the address
 * with the code the rights service mails. Nothing is filed while the form has a problem; a wrong code says so.
 */
@Controller
class FilingPages extends CentrePage {

    private final RightsDesk desk;

    FilingPages(RightsDesk desk) {
        this.desk = desk;
    }

    /** The token is asked for here so its cookie is set before the page is written (a visitor may not have one yet). */
    @GetMapping("/privacy")
    ModelAndView start(CsrfToken csrf) {
        csrf.getToken();
        return startPage(FilingForm.empty(), Map.of(), null);
    }

    @PostMapping("/privacy/requests")
    ModelAndView file(@ModelAttribute FilingForm form, HttpServletResponse response) {
        Map<String, String> problems = form.problems();
        if (!problems.isEmpty()) {
            response.setStatus(400);
            return startPage(form, problems, null);
        }
        try {
            return new ModelAndView("redirect:/privacy/requests/" + desk.file(form).id() + "/code");
        } catch (ServiceRefused refused) {
            response.setStatus(refused.status().value());
            return startPage(form, Map.of(), refused.title() + ": " + refused.detail());
        }
    }

    @GetMapping("/privacy/requests/{id}/code")
    ModelAndView codePage(@PathVariable UUID id, CsrfToken csrf) {
        csrf.getToken();
        return codeForm(id, null);
    }

    @PostMapping("/privacy/requests/{id}/code")
    ModelAndView enterCode(@PathVariable UUID id, @RequestParam(required = false) String code,
            HttpServletResponse response) {
        String given = code == null ? "" : code.replace(" ", "");
        if (!given.matches("\\d{6}")) {
            response.setStatus(400);
            return codeForm(id, "Enter the 6-digit code from the email we sent you.");
        }
        try {
            RequestProgress started = desk.verify(id, given);
            RequestCookies.keep(response, id, RequestCookies.FOLLOW, started.followToken());
            RequestCookies.keep(response, id, RequestCookies.DOWNLOAD, started.downloadToken());
            return new ModelAndView("redirect:" + RequestCookies.path(id));
        } catch (ServiceRefused refused) {
            response.setStatus(refused.status().value());
            return switch (refused.status().value()) {
                case 409 -> problem("This request is already confirmed",
                        "Its code has been used. You can follow it in the browser where you entered the code; we "
                                + "also email you when it is done.", "Make a new request", "/privacy");
                case 404 -> problem("We cannot find this request", "The link may be incomplete. Please start again.",
                        "Start again", "/privacy");
                default -> codeForm(id, "That code is wrong, used up or expired. Check the latest email from us and "
                        + "try again: after 5 wrong tries, or 24 hours, the code stops working and you need to start "
                        + "again.");
            };
        }
    }

    /** A form posted without its token, or with an old page's: refused, nothing sent; the form is one click away. */
    @RequestMapping(PrivacyCentreSecurity.FORM_EXPIRED)
    ModelAndView formExpired(HttpServletResponse response) {
        response.setStatus(403);
        return problem("This form has expired", "For your security we could not accept it, and nothing was sent. "
                + "Please open the form again and send it from there.", "Open the form again", "/privacy");
    }

    private static ModelAndView startPage(FilingForm form, Map<String, String> problems, String refusal) {
        ModelAndView page = new ModelAndView("privacy/start");
        page.addObject("form", form);
        page.addObject("choices", RightChoice.values());
        page.addObject("problems", problems);
        page.addObject("refusal", refusal);
        return page;
    }

    private static ModelAndView codeForm(UUID id, String wrong) {
        ModelAndView page = new ModelAndView("privacy/code");
        page.addObject("id", id);
        page.addObject("wrong", wrong);
        return page;
    }
}
