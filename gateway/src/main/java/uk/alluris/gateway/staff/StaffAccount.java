package uk.alluris.gateway.staff;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** A member of staff who signs in with a password (kept only as a BCrypt hash) and holds roles. */
@Document("staff_accounts")
record StaffAccount(@Id String username, String passwordHash, Set<Role> roles, int failedAttempts,
        Instant lockedUntil, @Version Long version) {

    static StaffAccount create(String username, String passwordHash, Set<Role> roles) {
        return new StaffAccount(username, passwordHash, Set.copyOf(roles), 0, null, null);
    }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** One more wrong password; the account locks when the policy's limit is reached. */
    StaffAccount failedAt(Instant now, int maxAttempts, Duration lockFor) {
        int failures = failedAttempts + 1;
        return failures >= maxAttempts
                ? new StaffAccount(username, passwordHash, roles, 0, now.plus(lockFor), version)
                : new StaffAccount(username, passwordHash, roles, failures, lockedUntil, version);
    }

    StaffAccount signedIn() {
        return new StaffAccount(username, passwordHash, roles, 0, null, version);
    }
}
