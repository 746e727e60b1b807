package uk.alluris.gateway.staff;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Operation;
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

    @Schema(description = "A member of staff's sign-in name and password")
    record Credentials(
            @Schema(description = "the staff account's username, its work email address", example = "reception@alluris.local")
            @NotBlank @Size(max = 200) String username,
            @Schema(description = "the account's password (12 to 200 characters when it was set)",
                    example = "correct-horse-battery-staple") @NotBlank @Size(max = 200) String password) {
    }

    @Schema(description = "The second step of a staff sign-in")
    record SecondFactorCode(
            @Schema(description = "the challenge token the right password was answered with (mfaToken)",
                    example = "6f1c2a9e-3b4d-4c8e-9a71-0d2e5f7b8c13") @NotBlank @Size(max = 100) String mfaToken,
            @Schema(description = "a current six-digit code from the authenticator app, or an unused recovery code",
                    example = "492039") @NotBlank @Size(max = 40) String code) {
    }

    @Schema(description = "Starting a second factor; empty (or no body) when signed in")
    record EnrolmentRequest(
            @Schema(description = "the challenge token from a right password, for an account whose role needs a second "
                    + "factor it has not set up; omit it when signed in", example = "6f1c2a9e-3b4d-4c8e-9a71-0d2e5f7b8c13")
            @Size(max = 100) String mfaToken) {
    }

    @Schema(description = "The first code from a newly set-up authenticator")
    record EnrolmentCode(
            @Schema(description = "a current six-digit code from the authenticator app just set up", example = "492039")
            @NotBlank @Size(max = 40) String code) {
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

    @Operation(summary = "Sign in as staff", description = "Checks a member of staff's password and answers a "
            + "bearer token (also set as a strict session cookie) or, for an account with a second factor, a challenge "
            + "token for /auth/login/mfa. Open to anyone, at most 20 calls a minute per address to /auth/**; five wrong "
            + "passwords in a row lock the account for fifteen minutes from that address, and every refusal looks the "
            + "same, so the answer never tells whether an account exists.")
    @PostMapping("/auth/login")
    Mono<ResponseEntity<Object>> login(@Valid @RequestBody Credentials credentials, ServerWebExchange exchange) {
        String address = ClientAddress.of(exchange, frontDoor.trustedProxies());
        return signIn.signIn(credentials.username(), credentials.password(), address)
                .map(step -> step.token() != null ? signedIn(step.token())
                        : ResponseEntity.ok().body((Object) step.secondFactor()));
    }

    @Operation(summary = "Complete a staff sign-in with a second factor", description = "Exchanges the challenge "
            + "token from /auth/login and a TOTP or recovery code for a bearer token, also set as a strict session "
            + "cookie. A challenge allows five codes and lives five minutes, an account gets at most ten codes in fifteen "
            + "minutes, and each code is accepted once.")
    @PostMapping("/auth/login/mfa")
    Mono<ResponseEntity<Object>> secondFactor(@Valid @RequestBody SecondFactorCode code) {
        return secondFactor.complete(code.mfaToken(), code.code()).map(this::signedIn);
    }

    /**
     * Sets up a second factor: with the token from a right password when the account's role needs one, or signed in
     * for anyone who wants one. The secret (as an otpauth:// URI) and the recovery codes are shown this once.
     */
    @Operation(summary = "Set up a second factor", description = "Creates a pending authenticator secret "
            + "(as an otpauth:// URI) and ten recovery codes, shown this once. Allowed with the challenge token from a "
            + "right password when the account's role needs a second factor, or with a staff token for anyone who "
            + "wants one; an account with a confirmed factor is refused (409) until an administrator resets it.")
    @PostMapping("/auth/mfa/enrolment")
    Mono<SecondFactor.Enrolment> enrol(@Valid @RequestBody(required = false) EnrolmentRequest request,
            ServerWebExchange exchange) {
        if (request != null && request.mfaToken() != null && !request.mfaToken().isBlank()) {
            return secondFactor.enrolWithChallenge(request.mfaToken());
        }
        return caller.of(exchange).flatMap(jwt -> secondFactor.enrol(jwt.getSubject()));
    }

    @Operation(summary = "Confirm a second factor", description = "Confirms the signed-in member of staff's "
            + "pending second factor with a first code from the authenticator; from then on every sign-in of the "
            + "account asks for a code. Needs a staff token.")
    @PostMapping("/auth/mfa/enrolment/confirmation")
    Mono<ResponseEntity<Void>> confirm(@Valid @RequestBody EnrolmentCode code, ServerWebExchange exchange) {
        return caller.of(exchange).flatMap(jwt -> secondFactor.confirm(jwt.getSubject(), code.code()))
                .then(Mono.just(ResponseEntity.noContent().build()));
    }

    /** Clears the cookie and revokes the token presented (bearer or cookie) on every service until it expires. */
    @Operation(summary = "Sign out", description = "Clears the session cookie and revokes the token presented "
            + "(bearer or cookie) on every service until it would have expired. Anyone may call it: without a valid "
            + "token it only clears the cookie; 503 when the revocation could not be passed on (try again).")
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
