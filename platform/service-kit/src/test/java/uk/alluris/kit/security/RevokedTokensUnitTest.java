package uk.alluris.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RevokedTokensUnitTest {

    private static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");
    private final AtomicReference<Instant> now = new AtomicReference<>(NOW);
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @Test
    void aRevokedTokenStaysRevokedUntilItWouldHaveExpired() {
        RevokedTokens revoked = new RevokedTokens(clock);
        revoked.revoke("a", NOW.plusSeconds(600));

        assertThat(revoked.isRevoked("a")).isTrue();
        assertThat(revoked.isRevoked("b")).isFalse();
    }

    @Test
    void entriesPastTheirTokensExpiryAreDroppedSoTheListStaysSmall() {
        RevokedTokens revoked = new RevokedTokens(clock);
        revoked.revoke("short", NOW.plusSeconds(10));
        revoked.revoke("long", NOW.plusSeconds(900));

        now.set(NOW.plusSeconds(11));
        revoked.revoke("later", NOW.plusSeconds(1000));

        assertThat(revoked.isRevoked("short")).isFalse();
        assertThat(revoked.size()).isEqualTo(2);
    }

    @Test
    void aRevocationOfAnAlreadyExpiredTokenOrWithoutAnIdIsNotKept() {
        RevokedTokens revoked = new RevokedTokens(clock);
        revoked.revoke("old", NOW.minusSeconds(1));
        revoked.revoke(null, NOW.plusSeconds(60));

        assertThat(revoked.size()).isZero();
    }
}
