package uk.alluris.web.pages;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import uk.alluris.web.services.ServiceDown;
import uk.alluris.web.services.ServiceRefused;

/**
 * What staff see when a service says no or says nothing: a 401 sends them to sign in again, a 403 is the friendly
 * "not for your role" page, a silent service names the part of the system that is not answering. Never a stack trace.
 */
@ControllerAdvice
// before the kit's problem-details advice, whose JSON answers suit an API, not a page; after the portal's own
// (portal/PortalErrors), which sends a client to the portal's sign-in and pages
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    @ExceptionHandler(ServiceRefused.class)
    ModelAndView refused(ServiceRefused refused, HttpServletResponse response) {
        if (refused.signInNeeded()) {
            return new ModelAndView("redirect:/staff/sign-in");
        }
        response.setStatus(refused.status().value());
        if (refused.forbidden()) {
            return page("errors/forbidden");
        }
        ModelAndView page = page("errors/refused");
        page.addObject("refused", refused);
        return page;
    }

    @ExceptionHandler(ServiceDown.class)
    ModelAndView down(ServiceDown down, HttpServletResponse response) {
        response.setStatus(503);
        ModelAndView page = page("errors/down");
        page.addObject("part", down.service().part());
        return page;
    }

    /** Anything unforeseen: a plain page saying nothing was shown, logged by type only (no personal data). */
    @ExceptionHandler(RuntimeException.class)
    ModelAndView unforeseen(RuntimeException failure, HttpServletResponse response) {
        log.error("page failed: {}", failure.getClass().getName(), failure);
        response.setStatus(500);
        ModelAndView page = page("error");
        page.addObject("status", 500);
        return page;
    }

    /** An exception handler's page gets no model attributes from advice: the navigation's caller is added here. */
    private static ModelAndView page(String view) {
        ModelAndView page = new ModelAndView(view);
        page.addObject("staff", SignedInStaff.current().orElse(null));
        return page;
    }
}
