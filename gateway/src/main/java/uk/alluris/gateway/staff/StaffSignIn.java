package uk.alluris.gateway.staff;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import uk.alluris.gateway.frontdoor.RateLimiter;
import uk.alluris.gateway.frontdoor.SignInRefused;
import uk.alluris.gateway.frontdoor.TooManyRequests;
import uk.alluris.gateway.tokens.IssuedToken;
import uk.alluris.gateway.tokens.TokenIssuer;

/**
 * Signing staff in: a right password gives a short-lived token with the account's roles; five wrong ones in a row
 * lock the account for fifteen minutes. Every refusal looks the same, so answers reveal neither which accounts exist
 * nor which are locked.
 */
@Service
class StaffSignIn {

    static final int ATTEMPTS_PER_MINUTE = 10;

    private final StaffAccounts accounts;
    private final PasswordEncoder passwords;
    private final TokenIssuer tokens;
    private final StaffAuthProperties policy;
    private final RateLimiter limiter;
    private final Clock clock;
    // Compared against when the account does not exist, so that an unknown name costs as long as a known one.
    private final String unknownAccountHash;

    StaffSignIn(StaffAccounts accounts, PasswordEncoder passwords, TokenIssuer tokens, StaffAuthProperties policy,
            RateLimiter limiter, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.tokens = tokens;
        this.policy = policy;
        this.limiter = limiter;
        this.clock = clock;
        this.unknownAccountHash = passwords.encode(UUID.randomUUID().toString());
    }

    Mono<IssuedToken> signIn(String username, String password) {
        String name = username.trim().toLowerCase(Locale.ROOT);
        // per account, from any address: slows a spread-out guessing attack before the lockout even starts
        Optional<Duration> wait = limiter.take("staff-login", name, ATTEMPTS_PER_MINUTE, Duration.ofMinutes(1));
        if (wait.isPresent()) {
            return Mono.error(new TooManyRequests(wait.get()));
        }
        return accounts.findById(name)
                .switchIfEmpty(matches(password, unknownAccountHash).then(Mono.error(SignInRefused::new)))
                .flatMap(account -> attempt(account, password));
    }

    private Mono<IssuedToken> attempt(StaffAccount account, String password) {
        if (account.lockedAt(clock.instant())) {
            return Mono.error(new SignInRefused());
        }
        return matches(password, account.passwordHash()).flatMap(right -> right
                ? accounts.save(account.signedIn()).flatMap(this::tokenFor)
                : accounts.save(account.failedAt(clock.instant(), policy.maxFailedAttempts(), policy.lockFor()))
                        .then(Mono.error(new SignInRefused())));
    }

    private Mono<IssuedToken> tokenFor(StaffAccount account) {
        return tokens.issue(account.username(), account.roles().stream().map(Role::name).sorted().toList(), Map.of());
    }

    // BCrypt is deliberately slow: keep it off the event loop.
    private Mono<Boolean> matches(String password, String hash) {
        return Mono.fromCallable(() -> passwords.matches(password, hash)).subscribeOn(Schedulers.boundedElastic());
    }
}
