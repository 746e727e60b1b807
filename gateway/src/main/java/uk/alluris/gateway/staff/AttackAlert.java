package uk.alluris.gateway.staff;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import uk.alluris.gateway.frontdoor.RateLimiter;

/**
 * Tells the privacy officer that someone is guessing a staff account's password: a log line with only a
 * pseudonymous reference, and a mail to the officer naming the account (at most one an hour per account, so an
 * attack from many addresses does not bury the officer in mail). A failed mail never fails the sign-in answer.
 */
@Component
class AttackAlert {

    private static final Logger log = LoggerFactory.getLogger(AttackAlert.class);

    private final JavaMailSender mail;
    private final RateLimiter limiter;
    private final StaffAuthProperties properties;
    private final String from;

    AttackAlert(JavaMailSender mail, RateLimiter limiter, StaffAuthProperties properties,
            @Value("${alluris.mail.from}") String from) {
        this.mail = mail;
        this.limiter = limiter;
        this.properties = properties;
        this.from = from;
    }

    Mono<Void> accountLockedFromOneAddress(String account) {
        log.warn("staff sign-in under attack: {} locked for one source address after {} wrong passwords",
                AccountReference.of(account), properties.maxFailedAttempts());
        if (limiter.take("attack-alert", account, 1, Duration.ofHours(1)).isPresent()) {
            return Mono.empty();
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(properties.privacyOfficerAddress());
        message.setSubject("Staff sign-in: an account is being attacked");
        message.setText("""
                Someone entered %d wrong passwords in a row for the staff account %s (reference %s).
                Sign-in to that account is locked for %d minutes from the address they used; the member of staff
                can still sign in from their own. If this was not them, check the account with the administrator.
                """.formatted(properties.maxFailedAttempts(), account, AccountReference.of(account),
                properties.lockFor().toMinutes()));
        return Mono.fromRunnable(() -> mail.send(message)).subscribeOn(Schedulers.boundedElastic())
                .onErrorResume(e -> {
                    log.warn("the attack alert for {} could not be mailed: {}", AccountReference.of(account),
                            e.getClass().getSimpleName());
                    return Mono.empty();
                }).then();
    }
}
