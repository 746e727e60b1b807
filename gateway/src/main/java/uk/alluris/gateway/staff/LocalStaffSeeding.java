package uk.alluris.gateway.staff;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import reactor.core.publisher.Flux;
import uk.alluris.gateway.staff.mfa.Base32;

/**
 * The embedded default's four staff accounts, one per role, created only when {@code ALLURIS_LOCAL_STAFF_PASSWORD}
 * is set (./run sets it). The privacy officer and the administrator sign in with a second factor; with
 * {@code ALLURIS_LOCAL_STAFF_TOTP_SECRET} also set they are enrolled with that known secret, so tests, benchmarks and
 * people on ./run can compute their codes. Existing accounts are otherwise left as they are; production sets nothing
 * and seeds nothing.
 */
@Component
class LocalStaffSeeding {

    private static final Logger log = LoggerFactory.getLogger(LocalStaffSeeding.class);
    static final Map<String, Role> ACCOUNTS = Map.of(
            "reception@alluris.local", Role.RECEPTION,
            "clinician@alluris.local", Role.CLINICIAN,
            "privacy@alluris.local", Role.PRIVACY_OFFICER,
            "admin@alluris.local", Role.ADMIN);

    private final StaffAccounts accounts;
    private final PasswordEncoder passwords;
    private final StaffAuthProperties properties;
    private final SecondFactor secondFactor;

    LocalStaffSeeding(StaffAccounts accounts, PasswordEncoder passwords, StaffAuthProperties properties,
            SecondFactor secondFactor) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.properties = properties;
        this.secondFactor = secondFactor;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        if (!StringUtils.hasText(properties.localStaffPassword())) {
            return;
        }
        Long created = Flux.fromIterable(ACCOUNTS.entrySet())
                .filterWhen(entry -> accounts.existsById(entry.getKey()).map(exists -> !exists))
                .flatMap(entry -> accounts.save(StaffAccount.create(entry.getKey(),
                        passwords.encode(properties.localStaffPassword()), Set.of(entry.getValue()))))
                .count()
                .block(Duration.ofSeconds(30));
        log.info("local staff accounts: {} created, {} already present", created, ACCOUNTS.size() - created);
        if (StringUtils.hasText(properties.localStaffTotpSecret())) {
            byte[] secret = Base32.decode(properties.localStaffTotpSecret());
            Long enrolled = Flux.fromIterable(ACCOUNTS.entrySet())
                    .filter(entry -> StaffAccount.SECOND_FACTOR_REQUIRED.contains(entry.getValue()))
                    .flatMap(entry -> secondFactor.enrolLocally(entry.getKey(), secret))
                    .filter(Boolean::booleanValue).count().block(Duration.ofSeconds(30));
            log.info("local staff accounts: {} enrolled with the local TOTP secret", enrolled);
        }
    }
}
