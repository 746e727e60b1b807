package uk.alluris.rights.request;

import java.time.Instant;

/** The one-time code that proves the requester controls the address: stored only as a keyed hash. */
record Verification(String codeHash, Instant expiresAt, int attemptsLeft) {

    boolean usableAt(Instant now) {
        return attemptsLeft > 0 && expiresAt.isAfter(now);
    }

    Verification tried() {
        return new Verification(codeHash, expiresAt, attemptsLeft - 1);
    }
}
