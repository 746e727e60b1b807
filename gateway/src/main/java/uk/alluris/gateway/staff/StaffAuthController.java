package uk.alluris.gateway.staff;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import uk.alluris.gateway.frontdoor.SessionCookie;
import uk.alluris.gateway.tokens.IssuedToken;

/** Staff sign-in for the dashboard: a bearer token in the body and the same token in a strict session cookie. */
@RestController
class StaffAuthController {

    record Credentials(@NotBlank @Size(max = 200) String username, @NotBlank @Size(max = 200) String password) {
    }

    private final StaffSignIn signIn;

    StaffAuthController(StaffSignIn signIn) {
        this.signIn = signIn;
    }

    @PostMapping("/auth/login")
    Mono<ResponseEntity<IssuedToken>> login(@Valid @RequestBody Credentials credentials) {
        return signIn.signIn(credentials.username(), credentials.password()).map(token -> ResponseEntity.ok()
                .header(HttpHeaders.SET_COOKIE, SessionCookie.of(token).toString())
                .body(token));
    }

    @PostMapping("/auth/logout")
    ResponseEntity<Void> logout() {
        ResponseCookie cleared = SessionCookie.cleared();
        return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, cleared.toString()).build();
    }
}
