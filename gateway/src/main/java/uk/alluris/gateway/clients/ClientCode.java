package uk.alluris.gateway.clients;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A one-time sign-in code for the person behind one email blind index: stored only as a hash, valid for fifteen
 * minutes and for five tries, spent by {@link CodeTries}. Asking again replaces it, and the replaced code is dead.
 */
@Document("client_codes")
record ClientCode(@Id String emailIndex, String codeHash, Instant expiresAt, int attemptsLeft) {
}
