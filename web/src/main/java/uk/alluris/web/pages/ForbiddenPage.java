package uk.alluris.web.pages;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/** The page a role that may not see something is shown (by the web's own rules or a service's 403). */
@Controller
class ForbiddenPage {

    @RequestMapping("/staff/forbidden")
    String forbidden(HttpServletResponse response) {
        response.setStatus(403);
        return "errors/forbidden";
    }
}
