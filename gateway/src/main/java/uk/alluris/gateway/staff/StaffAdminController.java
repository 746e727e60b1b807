package uk.alluris.gateway.staff;

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

    record NewAccount(@NotBlank @Size(max = 200) String username, List<@NotBlank @Size(max = 40) String> roles,
            @NotBlank @Size(max = 200) String password) {
    }

    record NewPassword(@NotBlank @Size(max = 200) String password) {
    }

    private final StaffAdministration administration;
    private final StaffCaller caller;

    StaffAdminController(StaffAdministration administration, StaffCaller caller) {
        this.administration = administration;
        this.caller = caller;
    }

    @GetMapping
    Mono<List<StaffAdministration.AccountView>> list(ServerWebExchange exchange) {
        return caller.admin(exchange).flatMap(admin -> administration.list().collectList());
    }

    @PostMapping
    Mono<ResponseEntity<StaffAdministration.AccountView>> create(@Valid @RequestBody Mono<NewAccount> body,
            ServerWebExchange exchange) {
        // the body is read (and validated) only once the caller is known to be an administrator
        return caller.admin(exchange).flatMap(admin -> body.flatMap(account -> administration.create(admin.getSubject(),
                account.username(), account.roles(), account.password())))
                .map(view -> ResponseEntity.status(HttpStatus.CREATED).body(view));
    }

    @PostMapping("/{username}/disabled")
    Mono<StaffAdministration.AccountView> disable(@PathVariable String username, ServerWebExchange exchange) {
        return caller.admin(exchange).flatMap(admin -> administration.disabled(admin.getSubject(), username, true));
    }

    @PostMapping("/{username}/enabled")
    Mono<StaffAdministration.AccountView> enable(@PathVariable String username, ServerWebExchange exchange) {
        return caller.admin(exchange).flatMap(admin -> administration.disabled(admin.getSubject(), username, false));
    }

    @PostMapping("/{username}/password")
    Mono<StaffAdministration.AccountView> password(@PathVariable String username,
            @Valid @RequestBody Mono<NewPassword> body, ServerWebExchange exchange) {
        return caller.admin(exchange).flatMap(admin -> body.flatMap(password -> administration.passwordSet(
                admin.getSubject(), username, password.password())));
    }

    @PostMapping("/{username}/second-factor-reset")
    Mono<StaffAdministration.AccountView> resetSecondFactor(@PathVariable String username, ServerWebExchange exchange) {
        return caller.admin(exchange).flatMap(admin -> administration.secondFactorReset(admin.getSubject(), username));
    }
}
