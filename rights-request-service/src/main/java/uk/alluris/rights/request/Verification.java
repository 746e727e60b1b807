package uk.alluris.rights.request;

import java.time.Instant;

/**
 * The one-time code that proves the requester controls the address: stored only as a keyed hash. Its tries are spent
 * in the store, one conditional update each ({@link CodeAttempts}), never by saving a changed copy of this.
 */
record Verification(String codeHash, Instant expiresAt, int attemptsLeft) {
}
