package uk.alluris.web.portal;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import uk.alluris.kit.security.CurrentCaller;

/** The portal's layout shows its navigation and sign-out only to a signed-in client. */
@ControllerAdvice(basePackageClasses = PortalNavigation.class)
class PortalNavigation {

    @ModelAttribute("signedInClient")
    boolean signedInClient() {
        return CurrentCaller.get().map(CurrentCaller::isClient).orElse(false);
    }
}
