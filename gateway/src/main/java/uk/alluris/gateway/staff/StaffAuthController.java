package uk.alluris.gateway.staff;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import uk.alluris.gateway.frontdoor.ClientAddress;
import uk.alluris.gateway.frontdoor.FrontDoorProperties;
import uk.alluris.gateway.frontdoor.SessionCookie;
import uk.alluris.gateway.tokens.IssuedToken;
import uk.alluris.gateway.tokens.TokenRevocation;
import uk.alluris.gateway.tokens.TokenVerifier;

/**
 * Staff sign-in for the dashboard: a password, then for an account with a second factor its code; the result is a
 * bearer token in the body and the same token in a strict session cookie. Signing out revokes the token everywhere.
 */
@RestController
class StaffAuthController {

    record Credentials(@NotBlank @Size(max = 200) String username, @NotBlank @Size(max = 200) String password) {
    }

    record SecondFactorCode(@NotBlank @Size(max = 100) String mfaToken, @NotBlank @Size(max = 40) String code) {
    }

    record EnrolmentRequest(@Size(max = 100) String mfaToken) {
    }

    record EnrolmentCode(@NotBlank @Size(max = 40) String code) {
    }

    private final StaffSignIn signIn;
    private final SecondFactorSignIn secondFactor;
    private final StaffCaller caller;
    private final TokenVerifier verifier;
    private final TokenRevocation revocation;
    private final FrontDoorProperties frontDoor;

    StaffAuthController(StaffSignIn signIn, SecondFactorSignIn secondFactor, StaffCaller caller,
            TokenVerifier verifier, TokenRevocation revocation, FrontDoorProperties frontDoor) {
        this.signIn = signIn;
        this.secondFactor = secondFactor;
        this.caller = caller;
        this.verifier = verifier;
        this.revocation = revocation;
        this.frontDoor = frontDoor;
    }

    @PostMapping("/auth/login")
    Mono<ResponseEntity<Object>> login(@Valid @RequestBody Credentials credentials, ServerWebExchange exchange) {
        String address = ClientAddress.of(exchange, frontDoor.trustedProxies());
        return signIn.signIn(credentials.username(), credentials.password(), address)
                .map(step -> step.token() != null ? signedIn(step.token())
                        : ResponseEntity.ok().body((Object) step.secondFactor()));
    }

    @PostMapping("/auth/login/mfa")
    Mono<ResponseEntity<Object>> secondFactor(@Valid @RequestBody SecondFactorCode code) {
        return secondFactor.complete(code.mfaToken(), code.code()).map(this::signedIn);
    }

    /**
     * Sets up a second factor: with the token from a right password when the account's role needs one, or signed in
     * for anyone who wants one. The secret (as an otpauth:// URI) and the recovery codes are shown this once.
     */
    @PostMapping("/auth/mfa/enrolment")
    Mono<SecondFactor.Enrolment> enrol(@Valid @RequestBody(required = false) EnrolmentRequest request,
            ServerWebExchange exchange) {
        if (request != null && request.mfaToken() != null && !request.mfaToken().isBlank()) {
            return secondFactor.enrolWithChallenge(request.mfaToken());
        }
        return caller.of(exchange).flatMap(jwt -> secondFactor.enrol(jwt.getSubject()));
    }

    @PostMapping("/auth/mfa/enrolment/confirmation")
    Mono<ResponseEntity<Void>> confirm(@Valid @RequestBody EnrolmentCode code, ServerWebExchange exchange) {
        return caller.of(exchange).flatMap(jwt -> secondFactor.confirm(jwt.getSubject(), code.code()))
                .then(Mono.just(ResponseEntity.noContent().build()));
    }

    /** Clears the cookie and revokes the token presented (bearer or cookie) on every service until it expires. */
    @PostMapping("/auth/logout")
    Mono<ResponseEntity<Void>> logout(ServerWebExchange exchange) {
        ResponseEntity<Void> signedOut = ResponseEntity.noContent()
                .header(HttpHeaders.SET_COOKIE, SessionCookie.cleared().toString()).build();
        return TokenVerifier.presented(exchange)
                .map(token -> verifier.verify(token).onErrorResume(invalid -> Mono.empty()))
                .orElse(Mono.empty())
                .flatMap(jwt -> revocation.revoke(jwt).onErrorMap(failed -> new StaffApiRefused(
                        HttpStatus.SERVICE_UNAVAILABLE, "Sign-out not confirmed",
                        "the sign-out could not be passed to every service; try again")))
                .thenReturn(signedOut);
    }

    private ResponseEntity<Object> signedIn(IssuedToken token) {
        return ResponseEntity.ok().header(HttpHeaders.SET_COOKIE, SessionCookie.of(token).toString()).body(token);
    }
}
