package uk.alluris.web.privacycentre;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import uk.alluris.web.services.ServiceDown;

/**
 * What every privacy centre page says when the rights service is silent: in the visitor's words, that nothing was sent
 * and what to do — never the staff pages' answers (which send to the staff sign-in). Handlers on the pages' own
 * classes come before any advice, so the staff pages' {@code PageErrors} never answers a visitor.
 */
abstract class CentrePage {

    @ExceptionHandler(ServiceDown.class)
    ModelAndView down(ServiceDown down, HttpServletResponse response) {
        response.setStatus(503);
        return problem("We cannot take privacy requests right now",
                "Our privacy request system is not answering. Nothing was sent or changed. Please try again in a few "
                        + "minutes.", "Start again", "/privacy");
    }

    /** The centre's page for anything that stopped the visitor, with the one next step that helps. */
    static ModelAndView problem(String heading, String message, String nextLabel, String next) {
        ModelAndView page = new ModelAndView("privacy/problem");
        page.addObject("heading", heading);
        page.addObject("message", message);
        page.addObject("nextLabel", nextLabel);
        page.addObject("next", next);
        return page;
    }
}
