package uk.alluris.gateway.staff;

import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import uk.alluris.gateway.frontdoor.RateLimiter;
import uk.alluris.gateway.frontdoor.SignInRefused;
import uk.alluris.gateway.frontdoor.TooManyRequests;
import uk.alluris.gateway.tokens.IssuedToken;

/**
 * The second step of a staff sign-in: the token from the right password plus a TOTP or recovery code. Each try
 * spends one of the challenge's five, and an account gets at most ten codes in fifteen minutes however many
 * challenges are opened; a code is accepted once, and the challenge is used up by the sign-in it completes.
 */
@Service
class SecondFactorSignIn {

    static final int CODES_PER_QUARTER_HOUR = 10;

    private final MfaChallenges challenges;
    private final StaffAccounts accounts;
    private final SecondFactor secondFactor;
    private final StaffSignIn signIn;
    private final RateLimiter limiter;

    SecondFactorSignIn(MfaChallenges challenges, StaffAccounts accounts, SecondFactor secondFactor,
            StaffSignIn signIn, RateLimiter limiter) {
        this.challenges = challenges;
        this.accounts = accounts;
        this.secondFactor = secondFactor;
        this.signIn = signIn;
        this.limiter = limiter;
    }

    Mono<IssuedToken> complete(String mfaToken, String code) {
        return challenges.spendTry(mfaToken)
                .switchIfEmpty(Mono.error(SignInRefused::new))
                .flatMap(username -> {
                    Optional<Duration> wait = limiter.take("staff-mfa", username, CODES_PER_QUARTER_HOUR,
                            Duration.ofMinutes(15));
                    return wait.isPresent() ? Mono.error(new TooManyRequests(wait.get())) : accounts.findById(username);
                })
                .filter(account -> !account.disabled())
                .filterWhen(account -> secondFactor.accepts(account, code))
                .filterWhen(account -> challenges.usedUp(mfaToken))
                .switchIfEmpty(Mono.error(SignInRefused::new))
                // read again: the accepted code has confirmed a pending enrolment
                .flatMap(account -> accounts.findById(account.username()))
                .flatMap(signIn::tokenFor);
    }

    /** Enrolment with the token from a right password, for an account whose role needs a factor it lacks. */
    Mono<SecondFactor.Enrolment> enrolWithChallenge(String mfaToken) {
        return challenges.peek(mfaToken).switchIfEmpty(Mono.error(SignInRefused::new))
                .flatMap(this::enrol);
    }

    Mono<SecondFactor.Enrolment> enrol(String username) {
        return secondFactor.enrol(username).switchIfEmpty(Mono.error(new AlreadyEnrolled()));
    }

    /** Confirms a signed-in member of staff's own pending enrolment with a first code. */
    Mono<Void> confirm(String username, String code) {
        return accounts.findById(username).filter(account -> !account.totpConfirmed())
                .switchIfEmpty(Mono.error(new AlreadyEnrolled()))
                .filterWhen(account -> secondFactor.accepts(account, code))
                .switchIfEmpty(Mono.error(SignInRefused::new)).then();
    }

    /** Enrolment over a confirmed factor would let a password alone replace it; an administrator resets it. */
    static class AlreadyEnrolled extends RuntimeException {
        AlreadyEnrolled() {
            super("a second factor is already set up for this account; an administrator can reset it");
        }
    }
}
