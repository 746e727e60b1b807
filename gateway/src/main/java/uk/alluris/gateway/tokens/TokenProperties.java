package uk.alluris.gateway.tokens;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param issuer the {@code iss} every service checks
 * @param audience the {@code aud} every service checks
 * @param lifetime how long an access token is valid: short, since a token taken before its holder signs out stays usable until its revocation reaches every service
 * @param keyRotation how long one signing key signs before the next is made; older keys stay published until the
 *        last token they signed has expired
 * @param signingKeyset the Tink AEAD keyset that seals the private signing keys at rest
 *        ({@code ALLURIS_SIGNING_KEYS_KEYSET})
 */
@ConfigurationProperties("alluris.tokens")
public record TokenProperties(String issuer, String audience, Duration lifetime, Duration keyRotation,
        String signingKeyset) {

    public TokenProperties {
        issuer = issuer == null ? "alluris-gateway" : issuer;
        audience = audience == null ? "alluris-platform" : audience;
        lifetime = lifetime == null ? Duration.ofMinutes(15) : lifetime;
        keyRotation = keyRotation == null ? Duration.ofDays(30) : keyRotation;
    }
}
