package uk.alluris.gateway.clients;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import uk.alluris.gateway.frontdoor.RateLimiter;
import uk.alluris.gateway.frontdoor.SignInRefused;
import uk.alluris.gateway.frontdoor.TooManyRequests;
import uk.alluris.gateway.tokens.IssuedToken;
import uk.alluris.gateway.tokens.TokenIssuer;
import uk.alluris.kit.identity.BlindIndexer;

/**
 * Signing a client in by a code sent to their address. The token binds to the person's email blind index, so it can
 * reach only that person's own data. Every address gets the same answer, known to the clinic or not.
 */
@Service
class ClientSignIn {

    static final Duration CODE_LIFETIME = Duration.ofMinutes(15);
    static final int ATTEMPTS = 5;
    static final int CODES_PER_QUARTER_HOUR = 3;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ClientCodes codes;
    private final CodeTries tries;
    private final CodeMail mail;
    private final BlindIndexer indexer;
    private final PasswordEncoder hashes;
    private final TokenIssuer tokens;
    private final RateLimiter limiter;
    private final Clock clock;

    ClientSignIn(ClientCodes codes, CodeTries tries, CodeMail mail, BlindIndexer indexer, PasswordEncoder hashes, TokenIssuer tokens,
            RateLimiter limiter, Clock clock) {
        this.codes = codes;
        this.tries = tries;
        this.mail = mail;
        this.indexer = indexer;
        this.hashes = hashes;
        this.tokens = tokens;
        this.limiter = limiter;
        this.clock = clock;
    }

    Mono<Void> sendCode(String email) {
        String emailIndex = indexer.email(email);
        // per address, whoever asks: nobody can flood one inbox with codes
        Optional<Duration> wait = limiter.take("client-code", emailIndex, CODES_PER_QUARTER_HOUR, CODE_LIFETIME);
        if (wait.isPresent()) {
            return Mono.error(new TooManyRequests(wait.get()));
        }
        String code = "%06d".formatted(RANDOM.nextInt(1_000_000));
        return Mono.fromCallable(() -> hashes.encode(code)).subscribeOn(Schedulers.boundedElastic())
                .flatMap(hash -> codes.save(new ClientCode(emailIndex, hash, clock.instant().plus(CODE_LIFETIME), ATTEMPTS)))
                .then(mail.send(email, code));
    }

    /** A try is spent before the code is checked, so a wrong guess costs one whatever else is in flight. */
    Mono<IssuedToken> exchange(String email, String code) {
        String emailIndex = indexer.email(email);
        return tries.spendOne(emailIndex, clock.instant())
                .flatMap(stored -> Mono.fromCallable(() -> hashes.matches(code, stored.codeHash()))
                        .subscribeOn(Schedulers.boundedElastic())
                        .flatMap(right -> right ? tries.useUp(stored) : Mono.just(false)))
                .filter(Boolean::booleanValue)
                .switchIfEmpty(Mono.error(SignInRefused::new))
                .flatMap(used -> tokens.issue(emailIndex, List.of("CLIENT"), Map.of("email_index", emailIndex)));
    }
}
