package uk.alluris.gateway.staff;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A member of staff: a password (kept only as a BCrypt hash), roles, whether the account is disabled, and the second
 * factor: a TOTP secret (sealed), whether its enrolment was confirmed by a first code, the hashes of the unused
 * recovery codes, and the last time step a code was accepted in (so no code is accepted twice).
 */
@Document("staff_accounts")
record StaffAccount(@Id String username, String passwordHash, Set<Role> roles, boolean disabled, String totpSecret,
        boolean totpConfirmed, List<String> recoveryCodes, long lastTotpStep, @Version Long version) {

    /** Roles whose holders always sign in with a second factor. */
    static final Set<Role> SECOND_FACTOR_REQUIRED = EnumSet.of(Role.PRIVACY_OFFICER, Role.ADMIN);

    static StaffAccount create(String username, String passwordHash, Set<Role> roles) {
        return new StaffAccount(username, passwordHash, Set.copyOf(roles), false, null, false, List.of(), 0, null);
    }

    /** Whether a password alone is not enough: the account has a second factor, or its roles demand one. */
    boolean needsSecondFactor() {
        return totpConfirmed || roles.stream().anyMatch(SECOND_FACTOR_REQUIRED::contains);
    }

    StaffAccount enrolled(String sealedSecret, List<String> recoveryCodeHashes, boolean confirmed) {
        return new StaffAccount(username, passwordHash, roles, disabled, sealedSecret, confirmed,
                List.copyOf(recoveryCodeHashes), 0, version);
    }
}
