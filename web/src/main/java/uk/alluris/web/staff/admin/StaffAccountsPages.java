package uk.alluris.web.staff.admin;

import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.alluris.web.pages.Paged;
import uk.alluris.web.services.Service;
import uk.alluris.web.services.ServiceCalls;
import uk.alluris.web.services.ServiceRefused;

/**
 * Staff accounts through the gateway's own API (the one token issuer keeps the accounts): create, disable and enable,
 * set a new password, reset the second factor, and see each account's roles and second-factor state.
 */
@Controller
class StaffAccountsPages {

    static final List<String> ROLES = List.of("RECEPTION", "CLINICIAN", "PRIVACY_OFFICER", "ADMIN");
    private static final ParameterizedTypeReference<List<Account>> ACCOUNTS = new ParameterizedTypeReference<>() { };
    private static final Map<String, String> DONE = Map.of("created", "Account created.",
            "disabled", "Account disabled.", "enabled", "Account enabled.", "password", "New password set.",
            "second-factor-reset", "Second factor reset: the account sets it up again at its next sign-in.");

    record Account(String username, String reference, List<String> roles, boolean disabled,
            boolean secondFactorEnrolled, int recoveryCodesLeft) {
    }

    record NewAccount(String username, List<String> roles, String password) {
    }

    record NewPassword(String password) {
    }

    private final ServiceCalls calls;

    StaffAccountsPages(ServiceCalls calls) {
        this.calls = calls;
    }

    @GetMapping("/staff/admin/accounts")
    String accounts(@RequestParam(defaultValue = "1") int page, @RequestParam(required = false) String done,
            Model model) {
        model.addAttribute("done", DONE.get(done == null ? "" : done));
        model.addAttribute("accounts", Paged.of(calls.get(Service.GATEWAY, "/api/staff/accounts", ACCOUNTS), page));
        model.addAttribute("roles", ROLES);
        return "staff/admin/accounts";
    }

    @PostMapping("/staff/admin/accounts")
    String create(@RequestParam(required = false) String username, @RequestParam(required = false) List<String> roles,
            @RequestParam(required = false) String password, Model model) {
        return acting(model, () -> calls.post(Service.GATEWAY, "/api/staff/accounts",
                new NewAccount(username, roles == null ? List.of() : roles, password), Account.class), "created");
    }

    @PostMapping("/staff/admin/accounts/{username}/{change:disabled|enabled|second-factor-reset}")
    String change(@PathVariable String username, @PathVariable String change, Model model) {
        return acting(model, () -> calls.post(Service.GATEWAY, "/api/staff/accounts/{username}/{change}", null,
                Account.class, username, change), change);
    }

    @PostMapping("/staff/admin/accounts/{username}/password")
    String password(@PathVariable String username, @RequestParam(required = false) String password,
            Model model) {
        return acting(model, () -> calls.post(Service.GATEWAY, "/api/staff/accounts/{username}/password",
                new NewPassword(password), Account.class, username), "password");
    }

    /** Done: back to the list (a reload repeats nothing); refused: the list again with the gateway's own words. */
    private String acting(Model model, Runnable action, String done) {
        try {
            action.run();
            return "redirect:/staff/admin/accounts?done=" + done;
        } catch (ServiceRefused refused) {
            if (refused.signInNeeded() || refused.forbidden()) {
                throw refused;
            }
            model.addAttribute("refused", refused.title() + ": " + refused.detail());
            return accounts(1, null, model);
        }
    }
}
