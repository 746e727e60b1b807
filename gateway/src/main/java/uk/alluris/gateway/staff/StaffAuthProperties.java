package uk.alluris.gateway.staff;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxFailedAttempts wrong passwords in a row, from one address, that lock an account for that address
 * @param lockFor how long such a lock lasts
 * @param localStaffPassword when set (the embedded default sets it), the four local staff accounts are created
 *        with this password; production leaves it empty and seeds nothing
 * @param localStaffTotpSecret when set with the password (base32), the seeded privacy officer and admin are enrolled
 *        with this TOTP secret, so tests and people on ./run can compute their codes; local only
 * @param totpKeyset the Tink AEAD keyset that seals staff TOTP secrets ({@code ALLURIS_STAFF_TOTP_KEYSET})
 * @param privacyOfficerAddress who is told when a staff account is under a password-guessing attack
 * @param secondFactorWithin how long the token from a right password may be used to give the second factor
 */
@ConfigurationProperties("alluris.staff")
record StaffAuthProperties(Integer maxFailedAttempts, Duration lockFor, String localStaffPassword,
        String localStaffTotpSecret, String totpKeyset, String privacyOfficerAddress, Duration secondFactorWithin) {

    StaffAuthProperties {
        maxFailedAttempts = maxFailedAttempts == null ? 5 : maxFailedAttempts;
        lockFor = lockFor == null ? Duration.ofMinutes(15) : lockFor;
        privacyOfficerAddress = privacyOfficerAddress == null || privacyOfficerAddress.isBlank()
                ? "privacy@alluris.local" : privacyOfficerAddress;
        secondFactorWithin = secondFactorWithin == null ? Duration.ofMinutes(5) : secondFactorWithin;
    }
}
