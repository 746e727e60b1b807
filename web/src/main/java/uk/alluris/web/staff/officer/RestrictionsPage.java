package uk.alluris.web.staff.officer;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.alluris.web.services.Service;
import uk.alluris.web.services.ServiceCalls;
import uk.alluris.web.staff.officer.PrivacyRequestViews.RestrictedPage;

/**
 * The people whose processing is restricted now, by the request that restricted them (newest first, paged by the
 * rights service): when they asked, since when, which identifiers were proven; each links to its request's page.
 */
@Controller
class RestrictionsPage {

    static final int SIZE = 20;

    private final ServiceCalls calls;

    RestrictionsPage(ServiceCalls calls) {
        this.calls = calls;
    }

    @GetMapping("/staff/officer/restrictions")
    String restrictions(@RequestParam(defaultValue = "1") int page, Model model) {
        int number = Math.max(1, page);
        RestrictedPage found = calls.get(Service.RIGHTS, "/api/privacy/restrictions?page={p}&size={s}",
                RestrictedPage.class, number - 1, SIZE);
        long pages = Math.max(1, (found.total() + SIZE - 1) / SIZE);
        model.addAttribute("restricted", found);
        model.addAttribute("number", number);
        model.addAttribute("pages", pages);
        return "staff/officer/restrictions";
    }
}
