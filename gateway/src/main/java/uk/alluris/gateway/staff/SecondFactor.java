package uk.alluris.gateway.staff;

import io.swagger.v3.oas.annotations.media.Schema;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import uk.alluris.gateway.staff.mfa.Base32;
import uk.alluris.gateway.staff.mfa.RecoveryCodes;
import uk.alluris.gateway.staff.mfa.Totp;
import uk.alluris.gateway.staff.mfa.TotpSecretSeal;

/**
 * Checking and setting up a member of staff's second factor. A TOTP code counts only in a later time step than the
 * last one accepted, and a recovery code only while its hash is still on the account; both are decided by one
 * conditional update, so two requests racing with the same code cannot both succeed.
 */
@Component
class SecondFactor {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** What enrolment shows once: the secret as an authenticator app reads it, and the recovery codes. */
    @Schema(description = "A new second factor, shown this once")
    record Enrolment(
            @Schema(description = "the secret as an authenticator app reads it (scan it as a QR code or type it in)",
                    example = "otpauth://totp/Alluris:admin%40alluris.local?secret=JBSWY3DPEHPK3PXP&issuer=Alluris"
                            + "&algorithm=SHA1&digits=6&period=30") String otpauthUri,
            @Schema(description = "ten single-use codes for when the authenticator is lost; keep them safe",
                    example = "[\"k3m9-x2qa-7hp4-rt6w\"]") List<String> recoveryCodes) {
    }

    private final ReactiveMongoTemplate mongo;
    private final TotpSecretSeal seal;
    private final Clock clock;

    SecondFactor(ReactiveMongoTemplate mongo, TotpSecretSeal seal, Clock clock) {
        this.mongo = mongo;
        this.seal = seal;
        this.clock = clock;
    }

    /** Whether {@code code} proves the second factor now; a first right TOTP code confirms a pending enrolment. */
    Mono<Boolean> accepts(StaffAccount account, String code) {
        if (account.totpSecret() == null || code == null) {
            return Mono.just(false);
        }
        String typed = code.strip();
        if (typed.matches("\\d{6}")) {
            OptionalLong step = Totp.matchingStep(seal.open(account.totpSecret(), account.username()), typed,
                    clock.instant());
            if (step.isEmpty()) {
                return Mono.just(false);
            }
            Query later = new Query(Criteria.where("_id").is(account.username()).and("totpSecret")
                    .is(account.totpSecret()).and("lastTotpStep").lt(step.getAsLong()));
            return modified(later, new Update().set("lastTotpStep", step.getAsLong()).set("totpConfirmed", true));
        }
        if (account.totpConfirmed() && RecoveryCodes.looksLikeOne(typed)) {
            String hash = RecoveryCodes.hash(typed);
            Query unused = new Query(Criteria.where("_id").is(account.username()).and("recoveryCodes").is(hash));
            return modified(unused, new Update().pull("recoveryCodes", hash));
        }
        return Mono.just(false);
    }

    /**
     * A new secret and recovery codes, pending until a first code confirms them. Refused (empty) once a factor is
     * confirmed: a password alone must never replace a second factor.
     */
    Mono<Enrolment> enrol(String username) {
        byte[] secret = new byte[20];
        RANDOM.nextBytes(secret);
        List<String> codes = RecoveryCodes.generate();
        Query notYetEnrolled = new Query(Criteria.where("_id").is(username).and("totpConfirmed").ne(true)
                .and("disabled").ne(true));
        Update pending = new Update().set("totpSecret", seal.seal(secret, username)).set("totpConfirmed", false)
                .set("recoveryCodes", codes.stream().map(RecoveryCodes::hash).toList()).set("lastTotpStep", 0L);
        return modified(notYetEnrolled, pending).filter(Boolean::booleanValue)
                .map(done -> new Enrolment(otpauthUri(username, secret), codes));
    }

    /** Enrols with a known secret, confirmed, without recovery codes: the local seeded accounts only. */
    Mono<Boolean> enrolLocally(String username, byte[] secret) {
        Query notYetEnrolled = new Query(Criteria.where("_id").is(username).and("totpConfirmed").ne(true));
        return modified(notYetEnrolled, new Update().set("totpSecret", seal.seal(secret, username))
                .set("totpConfirmed", true).set("recoveryCodes", List.of()).set("lastTotpStep", 0L));
    }

    private Mono<Boolean> modified(Query query, Update update) {
        return mongo.updateFirst(query, update.inc("version", 1), StaffAccount.class)
                .map(result -> result.getModifiedCount() == 1);
    }

    static String otpauthUri(String username, byte[] secret) {
        String label = java.net.URLEncoder.encode("Alluris:" + username, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
        return "otpauth://totp/" + label + "?secret=" + Base32.encode(secret)
                + "&issuer=Alluris&algorithm=SHA1&digits=6&period=30";
    }
}
