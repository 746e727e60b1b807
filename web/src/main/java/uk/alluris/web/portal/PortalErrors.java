package uk.alluris.web.portal;

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
 * What a client sees when a service says no or says nothing, in the portal's own pages: a 401 sends them to sign in
 * again, a 403 is the portal's "not for you" page, a silent service is named in plain words. Never a stack trace.
 */
@ControllerAdvice(basePackageClasses = PortalErrors.class)
// ahead of the staff pages' PageErrors, which would send a client to the staff sign-in
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalErrors {

    private static final Logger log = LoggerFactory.getLogger(PortalErrors.class);

    @ExceptionHandler(ServiceRefused.class)
    ModelAndView refused(ServiceRefused refused, HttpServletResponse response) {
        if (refused.signInNeeded()) {
            return new ModelAndView("redirect:" + PortalSecurity.SIGN_IN);
        }
        response.setStatus(refused.status().value());
        if (refused.forbidden()) {
            return new ModelAndView("portal/forbidden");
        }
        ModelAndView page = new ModelAndView("portal/refused");
        page.addObject("title", refused.title());
        page.addObject("detail", refused.detail());
        return page;
    }

    @ExceptionHandler(MyRequestsPages.MissingBundleToken.class)
    ModelAndView noBundleToken(HttpServletResponse response) {
        response.setStatus(404);
        ModelAndView page = new ModelAndView("portal/refused");
        page.addObject("title", "This browser cannot download that copy");
        page.addObject("detail", "The copy of your data can be downloaded from the browser you asked for it in, or "
                + "from the link in the email we sent you when it was ready.");
        return page;
    }

    @ExceptionHandler(ServiceDown.class)
    ModelAndView down(ServiceDown down, HttpServletResponse response) {
        response.setStatus(503);
        ModelAndView page = new ModelAndView("portal/down");
        page.addObject("part", down.service().part());
        return page;
    }

    /** Not registered with the clinic yet: the details page asks for what booking needs first. */
    @ExceptionHandler(MyProfile.NotRegistered.class)
    ModelAndView notRegistered() {
        return new ModelAndView("redirect:/portal/details");
    }

    /** Anything unforeseen: a plain page, logged by type only (no personal data). */
    @ExceptionHandler(RuntimeException.class)
    ModelAndView unforeseen(RuntimeException failure, HttpServletResponse response) {
        log.error("portal page failed: {}", failure.getClass().getName(), failure);
        response.setStatus(500);
        return new ModelAndView("portal/failed");
    }
}
