package uk.alluris.gateway.clients;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import uk.alluris.gateway.frontdoor.SessionCookie;
import uk.alluris.gateway.tokens.IssuedToken;

/**
 * Client sign-in for the portal: ask for a code, then exchange it for a CLIENT token, answered in the body (for API
 * callers) and in the same strict session cookie as staff get, so the portal's pages at {@code /portal/**} work
 * without a script ever holding the token.
 */
@RestController
class ClientAuthController {

    @Schema(description = "Asking for a sign-in code")
    record CodeRequest(
            @Schema(description = "the client's email address, where the code is sent", example = "client@example.com")
            @NotBlank @Size(max = 320) String email) {
    }

    @Schema(description = "A mailed sign-in code, given back")
    record CodeExchange(
            @Schema(description = "the email address the code was sent to", example = "client@example.com")
            @NotBlank @Size(max = 320) String email,
            @Schema(description = "the six digits from the mail", example = "381904")
            @NotBlank @Pattern(regexp = "\\d{6}") String code) {
    }

    private final ClientSignIn signIn;
    private final VisitorClaim visitorClaim;

    ClientAuthController(ClientSignIn signIn, VisitorClaim visitorClaim) {
        this.signIn = signIn;
        this.visitorClaim = visitorClaim;
    }

    @Operation(summary = "Mail a client a sign-in code", description = "Sends a six-digit code, valid for fifteen "
            + "minutes, to the address given. Open to anyone; every address gets the same answer, known to the clinic "
            + "or not, one address at most three codes in fifteen minutes (429 beyond) and one caller at most 20 calls a "
            + "minute to /auth/**.")
    @PostMapping("/auth/client/code")
    Mono<ResponseEntity<Map<String, String>>> code(@Valid @RequestBody CodeRequest request) {
        return signIn.sendCode(request.email()).thenReturn(ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(Map.of("status", "If this address can receive mail, a sign-in code is on its way.")));
    }

    @Operation(summary = "Exchange a sign-in code for a client token", description = "Answers a CLIENT token, "
            + "bound to the person's email blind index so that it reaches only their own data, in the body and as a "
            + "strict session cookie. A code allows five tries and is used once; the cookie-banner choices made in this "
            + "browser join the person's consent ledger.")
    @PostMapping("/auth/client/token")
    Mono<ResponseEntity<IssuedToken>> token(@Valid @RequestBody CodeExchange exchange, ServerHttpRequest request) {
        // the cookie banner's choices made in this browser join the person's consent ledger (VisitorClaim)
        return signIn.exchange(exchange.email(), exchange.code())
                .flatMap(token -> visitorClaim.claimFor(request, token).thenReturn(token))
                .map(token -> ResponseEntity.ok().header(HttpHeaders.SET_COOKIE, SessionCookie.of(token).toString())
                        .body(token));
    }
}
