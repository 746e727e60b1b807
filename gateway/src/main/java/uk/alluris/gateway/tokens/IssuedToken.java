package uk.alluris.gateway.tokens;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** What a successful sign-in returns. */
@Schema(description = "A signed access token for the Authorization header (the same token is set as a session cookie)")
public record IssuedToken(
        @Schema(description = "the JWT to send as 'Authorization: Bearer <accessToken>'",
                example = "eyJraWQiOiJrMSIsImFsZyI6IkVTMjU2In0.eyJzdWIiOiJhY2N0LTFhMmIzYyJ9.c2lnbmF0dXJl")
        String accessToken,
        @Schema(description = "always Bearer", example = "Bearer") String tokenType,
        @Schema(description = "seconds until the token expires", example = "900") long expiresIn,
        @Schema(description = "when the token expires", example = "2026-11-30T10:15:00Z") Instant expiresAt) {
}
