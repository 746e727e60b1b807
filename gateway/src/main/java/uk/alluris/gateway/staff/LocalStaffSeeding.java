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

/**
 * The embedded default's four staff accounts, one per role, created only when {@code ALLURIS_LOCAL_STAFF_PASSWORD}
 * is set (./run sets it). Existing accounts are left as they are; production sets nothing and seeds nothing.
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

    LocalStaffSeeding(StaffAccounts accounts, PasswordEncoder passwords, StaffAuthProperties properties) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.properties = properties;
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
    }
}
