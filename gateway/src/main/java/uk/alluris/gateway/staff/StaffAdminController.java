package uk.alluris.gateway.staff;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Staff accounts through the API, administrators only (401 without a valid staff token, 403 for any other role,
 * both decided before a body is read).
 * A disabled account cannot sign in; tokens it already holds end with their 15-minute lifetime.
 */
@RestController
@RequestMapping("/api/staff/accounts")
class StaffAdminController {

    @Schema(description = "A new staff account")
    record NewAccount(
            @Schema(description = "the member of staff's work email address, their sign-in name",
                    example = "clinician2@alluris.local") @NotBlank @Size(max = 200) String username,
            @Schema(description = "one or more of RECEPTION, CLINICIAN, PRIVACY_OFFICER, ADMIN",
                    example = "[\"CLINICIAN\"]") List<@NotBlank @Size(max = 40) String> roles,
            @Schema(description = "the first password, 12 to 200 characters, to be handed over privately",
                    example = "violet-anchor-river-42") @NotBlank @Size(max = 200) String password) {
    }

    @Schema(description = "A password set by an administrator")
    record NewPassword(
            @Schema(description = "the new password, 12 to 200 characters", example = "violet-anchor-river-42")
            @NotBlank @Size(max = 200) String password) {
    }

    private final StaffAdministration administration;
    private final StaffCaller caller;

    StaffAdminController(StaffAdministration administration, StaffCaller caller) {
        this.administration = administration;
        this.caller = caller;
    }

    @Operation(summary = "List staff accounts", description = "Lists every staff account with its roles, whether "
            + "it is disabled and the state of its second factor; never a password, secret or code. Administrators only "
            + "(401 without a staff token, 403 for any other role).")
    @GetMapping
    Mono<List<StaffAdministration.AccountView>> list(ServerWebExchange exchange) {
        return caller.admin(exchange).flatMap(admin -> administration.list().collectList());
    }

    @Operation(summary = "Create a staff account", description = "Creates an account with its roles and first "
            + "password (12 to 200 characters); 409 when the username exists. Administrators only, decided before the "
            + "body is read; the audit log names both accounts by reference, never by address.")
    @PostMapping
    Mono<ResponseEntity<StaffAdministration.AccountView>> create(@Valid @RequestBody Mono<NewAccount> body,
            ServerWebExchange exchange) {
        // the body is read (and validated) only once the caller is known to be an administrator
        return caller.admin(exchange).flatMap(admin -> body.flatMap(account -> administration.create(admin.getSubject(),
                account.username(), account.roles(), account.password())))
                .map(view -> ResponseEntity.status(HttpStatus.CREATED).body(view));
    }

    @Operation(summary = "Disable a staff account", description = "Stops the account signing in; tokens it already "
            + "holds end with their 15-minute lifetime. Administrators only, and never their own account (409).")
    @PostMapping("/{username}/disabled")
    Mono<StaffAdministration.AccountView> disable(@PathVariable String username, ServerWebExchange exchange) {
        return caller.admin(exchange).flatMap(admin -> administration.disabled(admin.getSubject(), username, true));
    }

    @Operation(summary = "Enable a staff account", description = "Lets a disabled account sign in again. "
            + "Administrators only.")
    @PostMapping("/{username}/enabled")
    Mono<StaffAdministration.AccountView> enable(@PathVariable String username, ServerWebExchange exchange) {
        return caller.admin(exchange).flatMap(admin -> administration.disabled(admin.getSubject(), username, false));
    }

    @Operation(summary = "Set a staff account's password", description = "Replaces the account's password (12 to "
            + "200 characters), e.g. when its owner forgot it. Administrators only.")
    @PostMapping("/{username}/password")
    Mono<StaffAdministration.AccountView> password(@PathVariable String username,
            @Valid @RequestBody Mono<NewPassword> body, ServerWebExchange exchange) {
        return caller.admin(exchange).flatMap(admin -> body.flatMap(password -> administration.passwordSet(
                admin.getSubject(), username, password.password())));
    }

    @Operation(summary = "Reset a staff account's second factor", description = "Removes the account's "
            + "authenticator secret and recovery codes, so that its owner sets up a new one (required for the privacy "
            + "officer and administrator roles) at the next sign-in. Administrators only.")
    @PostMapping("/{username}/second-factor-reset")
    Mono<StaffAdministration.AccountView> resetSecondFactor(@PathVariable String username, ServerWebExchange exchange) {
        return caller.admin(exchange).flatMap(admin -> administration.secondFactorReset(admin.getSubject(), username));
    }
}
