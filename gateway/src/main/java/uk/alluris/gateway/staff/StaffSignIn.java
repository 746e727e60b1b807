package uk.alluris.gateway.staff;

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
 * Signing staff in with a password. Every refusal looks and costs the same: an unknown, disabled or locked account
 * gets the same answer as a wrong password, after the same one BCrypt check (against a throwaway hash when there is
 * no account), so neither the answer nor its timing tells which accounts exist or are locked. Five wrong passwords
 * in a row lock the account for fifteen minutes from that address only, and the privacy officer is told.
 */
@Service
class StaffSignIn {

    static final int ATTEMPTS_PER_MINUTE = 10;

    private final StaffAccounts accounts;
    private final PasswordEncoder passwords;
    private final TokenIssuer tokens;
    private final RateLimiter limiter;
    private final SignInFailures failures;
    private final AttackAlert alert;
    private final MfaChallenges challenges;
    private final StaffAuthProperties properties;
    private final String unknownAccountHash;

    StaffSignIn(StaffAccounts accounts, PasswordEncoder passwords, TokenIssuer tokens, RateLimiter limiter,
            SignInFailures failures, AttackAlert alert, MfaChallenges challenges, StaffAuthProperties properties) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.tokens = tokens;
        this.limiter = limiter;
        this.failures = failures;
        this.alert = alert;
        this.challenges = challenges;
        this.properties = properties;
        this.unknownAccountHash = passwords.encode(UUID.randomUUID().toString());
    }

    Mono<SignInStep> signIn(String username, String password, String address) {
        String name = normalised(username);
        // per account and address: slows guessing from one place without letting it slow the owner elsewhere
        Optional<Duration> wait = limiter.take("staff-login", name + "|" + address, ATTEMPTS_PER_MINUTE,
                Duration.ofMinutes(1));
        if (wait.isPresent()) {
            return Mono.error(new TooManyRequests(wait.get()));
        }
        String failureKey = SignInFailures.key(name, address);
        return Mono.zip(failures.locked(failureKey),
                        accounts.findById(name).map(Optional::of).defaultIfEmpty(Optional.empty()))
                .flatMap(state -> {
                    Optional<StaffAccount> account = state.getT2();
                    String hash = account.map(StaffAccount::passwordHash).orElse(unknownAccountHash);
                    return matches(password, hash).flatMap(right -> {
                        if (state.getT1()) {
                            return Mono.error(new SignInRefused());
                        }
                        if (!right || account.isEmpty()) {
                            return failures.failed(failureKey)
                                    .flatMap(locked -> locked ? alert.accountLockedFromOneAddress(name) : Mono.empty())
                                    .then(Mono.error(new SignInRefused()));
                        }
                        if (account.get().disabled()) {
                            return Mono.error(new SignInRefused());
                        }
                        return failures.cleared(failureKey).then(nextStep(account.get()));
                    });
                });
    }

    private Mono<SignInStep> nextStep(StaffAccount account) {
        if (!account.needsSecondFactor()) {
            return tokenFor(account).map(SignInStep::signedIn);
        }
        return challenges.issue(account.username()).map(mfaToken -> SignInStep.needsSecondFactor(mfaToken,
                !account.totpConfirmed(), properties.secondFactorWithin().toSeconds()));
    }

    Mono<IssuedToken> tokenFor(StaffAccount account) {
        return tokens.issue(account.username(), account.roles().stream().map(Role::name).sorted().toList(), Map.of());
    }

    static String normalised(String username) {
        return username.trim().toLowerCase(Locale.ROOT);
    }

    // BCrypt is deliberately slow: keep it off the event loop.
    private Mono<Boolean> matches(String password, String hash) {
        return Mono.fromCallable(() -> passwords.matches(password, hash)).subscribeOn(Schedulers.boundedElastic());
    }
}
