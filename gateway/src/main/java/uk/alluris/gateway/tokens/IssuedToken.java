package uk.alluris.gateway.tokens;

import java.time.Instant;

/** What a successful sign-in returns. */
public record IssuedToken(String accessToken, String tokenType, long expiresIn, Instant expiresAt) {
}
