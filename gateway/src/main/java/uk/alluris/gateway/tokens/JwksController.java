package uk.alluris.gateway.tokens;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The public keys every service verifies tokens against. */
@RestController
class JwksController {

    private final SigningKeys keys;

    JwksController(SigningKeys keys) {
        this.keys = keys;
    }

    @Operation(summary = "Token signing keys", description = "The public keys (RFC 7517 JWK set) every service "
            + "verifies the platform's tokens against; public, cached for five minutes.")
    @GetMapping(value = "/.well-known/jwks.json", produces = "application/jwk-set+json")
    Mono<ResponseEntity<Map<String, Object>>> jwks() {
        return keys.publicKeys().map(set -> ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(set.toJSONObject(true)));
    }
}
