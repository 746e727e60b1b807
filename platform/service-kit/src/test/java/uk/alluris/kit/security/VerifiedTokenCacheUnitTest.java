package uk.alluris.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class VerifiedTokenCacheUnitTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private final AtomicInteger verifications = new AtomicInteger();
    private final RevokedTokens revoked = new RevokedTokens(Clock.fixed(NOW, ZoneOffset.UTC));
    private final JwtDecoder delegate = token -> {
        verifications.incrementAndGet();
        if (token.startsWith("forged")) {
            throw new BadJwtException("signature does not match");
        }
        Jwt.Builder jwt = Jwt.withTokenValue(token).header("alg", "RS256").subject("someone").jti("jti-" + token)
                .issuedAt(NOW.minusSeconds(60));
        return token.startsWith("eternal") ? jwt.build()
                : jwt.expiresAt(NOW.plusSeconds(token.startsWith("short") ? 10 : 900)).build();
    };

    @Test
    void aTokenIsVerifiedOnceWhileItIsValid() {
        VerifiedTokenCache cache = new VerifiedTokenCache(delegate, Clock.fixed(NOW, ZoneOffset.UTC), revoked);

        Jwt first = cache.decode("token-a");
        Jwt again = cache.decode("token-a");
        cache.decode("token-b");

        assertThat(again).isSameAs(first);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void anExpiredTokenGoesBackToTheVerifierWhichRefusesIt() {
        VerifiedTokenCache early = new VerifiedTokenCache(delegate, Clock.fixed(NOW, ZoneOffset.UTC), revoked);
        early.decode("short-lived");
        VerifiedTokenCache later = new VerifiedTokenCache(token -> {
            verifications.incrementAndGet();
            throw new BadJwtException("expired");
        }, Clock.fixed(NOW.plusSeconds(11), ZoneOffset.UTC), revoked);

        assertThatThrownBy(() -> later.decode("short-lived")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        VerifiedTokenCache cache = new VerifiedTokenCache(delegate, Clock.fixed(NOW, ZoneOffset.UTC), revoked);

        assertThatThrownBy(() -> cache.decode("forged-token")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode("forged-token")).isInstanceOf(BadJwtException.class);

        assertThat(verifications).hasValue(2);
    }

    @Test
    void aTokenWithoutExpiryIsRefusedAndNeverRemembered() {
        VerifiedTokenCache cache = new VerifiedTokenCache(delegate, Clock.fixed(NOW, ZoneOffset.UTC), revoked);

        assertThatThrownBy(() -> cache.decode("eternal-token")).isInstanceOf(BadJwtException.class)
                .hasMessageContaining("exp");
        assertThatThrownBy(() -> cache.decode("eternal-token")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aTokenRevokedAfterItWasVerifiedIsRefusedFromTheCacheToo() {
        VerifiedTokenCache cache = new VerifiedTokenCache(delegate, Clock.fixed(NOW, ZoneOffset.UTC), revoked);
        cache.decode("token-signed-out");

        revoked.revoke("jti-token-signed-out", NOW.plusSeconds(900));

        assertThatThrownBy(() -> cache.decode("token-signed-out")).isInstanceOf(BadJwtException.class)
                .hasMessageContaining("revoked");
        assertThat(cache.decode("token-still-in")).isNotNull();
    }

    @Test
    void aTokenRevokedBeforeItWasEverSeenIsRefused() {
        VerifiedTokenCache cache = new VerifiedTokenCache(delegate, Clock.fixed(NOW, ZoneOffset.UTC), revoked);
        revoked.revoke("jti-token-fresh", NOW.plusSeconds(900));

        assertThatThrownBy(() -> cache.decode("token-fresh")).isInstanceOf(BadJwtException.class);
    }
}
