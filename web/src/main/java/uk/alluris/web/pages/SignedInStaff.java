package uk.alluris.web.pages;

import java.util.List;
import java.util.Optional;
import uk.alluris.kit.security.CurrentCaller;

/** Who is signed in, for the navigation: each area is shown only to the roles whose service would let them in. */
public record SignedInStaff(String name, List<String> roles) {

    static Optional<SignedInStaff> current() {
        return CurrentCaller.get().map(caller -> new SignedInStaff(caller.subject(), caller.roles()));
    }

    public boolean reception() {
        return roles.contains("RECEPTION");
    }

    public boolean clinician() {
        return roles.contains("CLINICIAN");
    }

    public boolean officer() {
        return roles.contains("PRIVACY_OFFICER");
    }

    public boolean admin() {
        return roles.contains("ADMIN");
    }
}
