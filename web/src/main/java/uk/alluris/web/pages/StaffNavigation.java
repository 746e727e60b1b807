package uk.alluris.web.pages;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page's layout knows who is signed in (or that nobody is) to draw the navigation for their roles. */
@ControllerAdvice
class StaffNavigation {

    @ModelAttribute("staff")
    SignedInStaff staff() {
        return SignedInStaff.current().orElse(null);
    }
}
