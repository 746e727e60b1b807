package uk.alluris.web.portal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.alluris.web.portal.MyProfile.Profile;
import uk.alluris.web.portal.PortalViews.Corrections;
import uk.alluris.web.portal.PortalViews.Filed;
import uk.alluris.web.portal.PortalViews.NewClient;
import uk.alluris.web.portal.PortalViews.NewRequest;
import uk.alluris.web.services.Service;
import uk.alluris.web.services.ServiceCalls;
import uk.alluris.web.services.ServiceRefused;

/**
 * My details: what booking holds about the client. A correction is not an edit here but a RECTIFICATION request to
 * the rights-request service, which asks every service to correct what it holds and records each one's receipt; a
 * signed-in client files it without a code (the service accepts the token bound to the same email). Someone signed in
 * but not yet a client registers first (booking accepts a client registering only themselves).
 */
@Controller
class MyDetailsPages {

    private final ServiceCalls calls;
    private final MyProfile me;

    MyDetailsPages(ServiceCalls calls, MyProfile me) {
        this.calls = calls;
        this.me = me;
    }

    @GetMapping("/portal/details")
    String details(Model model) {
        Optional<Profile> profile = me.find();
        model.addAttribute("profile", profile.orElse(null));
        return "portal/details";
    }

    @PostMapping("/portal/details/registration")
    String register(@RequestParam(defaultValue = "") String fullName, @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String phone, @RequestParam(defaultValue = "") String dateOfBirth,
            Model model) {
        try {
            calls.post(Service.BOOKING, "/api/bookings/clients", new NewClient(blankToNull(fullName),
                    blankToNull(email), blankToNull(phone), date(dateOfBirth)), Profile.class);
            return "redirect:/portal";
        } catch (ServiceRefused refused) {
            if (refused.signInNeeded()) {
                throw refused;
            }
            model.addAttribute("refused", refused.forbidden()
                    ? "Use the email address you signed in with: you can register only yourself."
                    : refused.title() + ": " + refused.detail());
            return details(model);
        }
    }

    @PostMapping("/portal/details/correction")
    String correct(@RequestParam(defaultValue = "") String fullName, @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String phone, @RequestParam(defaultValue = "") String dateOfBirth,
            Model model) {
        Profile profile = me.require();
        Corrections corrections = new Corrections(blankToNull(fullName), blankToNull(email), blankToNull(phone),
                date(dateOfBirth));
        if (corrections.equals(new Corrections(null, null, null, null))) {
            model.addAttribute("refused", "Fill in at least one field with the corrected value.");
            return details(model);
        }
        try {
            Filed filed = calls.post(Service.RIGHTS, "/api/privacy/requests", new NewRequest("RECTIFICATION",
                    profile.email(), profile.fullName(), corrections), Filed.class);
            return "redirect:/portal/requests/" + filed.id();
        } catch (ServiceRefused refused) {
            MyAppointmentsPages.rethrowUnlessInput(refused);
            model.addAttribute("refused", "Not sent. " + refused.title() + ": " + refused.detail());
            return details(model);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** An unreadable date is sent as none; the form's date field gives yyyy-MM-dd. */
    private static LocalDate date(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }
}
