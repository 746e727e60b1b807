package uk.alluris.marketing.mail;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.HttpStatus;
import uk.alluris.kit.problem.ProblemException;

/**
 * The tokens in the links marketing mails: {@code base64url(payload) "." base64url(HMAC-SHA256(payload))} under the
 * link secret. The payload names its purpose, so a confirmation token never works as an unsubscribe token and the
 * other way round. A confirmation token expires; an unsubscribe token does not (a years-old newsletter's link must
 * still let the reader leave). Tokens name records by random id only, never by address.
 */
public final class SignedLinks {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{1,200}\\.[A-Za-z0-9_-]{43}");
    private static final String CONFIRM = "confirm";
    private static final String UNSUBSCRIBE = "unsubscribe";

    private final SecretKeySpec key;
    private final Clock clock;

    public SignedLinks(String secret, Clock clock) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("the link secret must be at least 16 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.clock = clock;
    }

    /** A token confirming the pending sign-up {@code id}, working until {@code expires}. */
    public String confirmation(UUID id, Instant expires) {
        return token(CONFIRM + ":" + id + ":" + expires.getEpochSecond());
    }

    /**
     * The pending sign-up a confirmation token names.
     *
     * @throws ProblemException 400 when the token is malformed or forged, 410 when it has expired
     */
    public UUID openConfirmation(String token) {
        String[] parts = open(token, CONFIRM);
        if (parts.length != 3 || !parts[2].matches("\\d{1,12}")) {
            throw invalid();
        }
        if (clock.instant().isAfter(Instant.ofEpochSecond(Long.parseLong(parts[2])))) {
            throw new ProblemException(HttpStatus.GONE, "Link expired",
                    "this confirmation link has expired; please sign up again");
        }
        return uuid(parts[1]);
    }

    /** A token unsubscribing subscriber {@code id} from everything. */
    public String unsubscribe(UUID subscriberId) {
        return token(UNSUBSCRIBE + ":" + subscriberId);
    }

    /** @throws ProblemException 400 when the token is malformed or forged */
    public UUID openUnsubscribe(String token) {
        String[] parts = open(token, UNSUBSCRIBE);
        if (parts.length != 2) {
            throw invalid();
        }
        return uuid(parts[1]);
    }

    private String token(String payload) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return base64.encodeToString(bytes) + "." + base64.encodeToString(mac(bytes));
    }

    private String[] open(String token, String purpose) {
        if (token == null || !SHAPE.matcher(token).matches()) {
            throw invalid();
        }
        int dot = token.indexOf('.');
        byte[] payload;
        byte[] given;
        try {
            payload = Base64.getUrlDecoder().decode(token.substring(0, dot));
            given = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (!MessageDigest.isEqual(mac(payload), given)) {
            throw invalid();
        }
        // one token, one spelling: unused low bits in the last character must be zero
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        if (!(base64.encodeToString(payload) + "." + base64.encodeToString(given)).equals(token)) {
            throw invalid();
        }
        String[] parts = new String(payload, StandardCharsets.UTF_8).split(":");
        if (!parts[0].equals(purpose)) {
            throw invalid();
        }
        return parts;
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static ProblemException invalid() {
        return new ProblemException(HttpStatus.BAD_REQUEST, "Invalid link",
                "this link is not valid; use the link exactly as it was mailed");
    }
}
