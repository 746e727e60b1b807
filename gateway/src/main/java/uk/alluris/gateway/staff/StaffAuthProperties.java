package uk.alluris.gateway.staff;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxFailedAttempts wrong passwords in a row that lock an account
 * @param lockFor how long a locked account stays locked
 * @param localStaffPassword when set (the embedded default sets it), the four local staff accounts are created
 *        with this password; production leaves it empty and seeds nothing
 */
@ConfigurationProperties("alluris.staff")
record StaffAuthProperties(Integer maxFailedAttempts, Duration lockFor, String localStaffPassword) {

    StaffAuthProperties {
        maxFailedAttempts = maxFailedAttempts == null ? 5 : maxFailedAttempts;
        lockFor = lockFor == null ? Duration.ofMinutes(15) : lockFor;
    }
}
