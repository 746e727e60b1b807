package uk.alluris.kit.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.HttpStatus;
import uk.alluris.kit.problem.ProblemException;

/**
 * A partner's signature on a webhook: {@code X-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">} under
 * the secret shared with that partner — Stripe's {@code Stripe-Signature} scheme, which names the header
 * ({@link #STRIPE_HEADER}). A missing, malformed or wrong signature, or one older (or newer) than the tolerance — a
 * replay — is a 401 problem, and the caller stores nothing. Several {@code v1} values may be given (Stripe sends one
 * per active secret while a secret is rolled): one matching is enough; other schemes ({@code v0}) are ignored.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Signature";
    public static final String STRIPE_HEADER = "Stripe-Signature";
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final byte[] secret;
    private final Clock clock;
    private final String header;

    public WebhookSignature(String secret, Clock clock) {
        this(secret, clock, HEADER);
    }

    /** A signature carried in {@code header} (named in the problems it answers), e.g. {@link #STRIPE_HEADER}. */
    public WebhookSignature(String secret, Clock clock, String header) {
        this.header = header;
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("a webhook secret must be at least 16 characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    /**
     * Accepts the delivery or throws a 401 problem saying only what kind of failure it was. Returns the signed
     * timestamp, which with the body names this delivery ({@link WebhookDeliveries#signedKey}).
     */
    public long verify(String value, byte[] body) {
        Long timestamp = null;
        List<String> given = new ArrayList<>();
        for (String part : value == null ? new String[0] : value.split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length == 2 && pair[0].equals("t") && pair[1].matches("\\d{1,12}")) {
                timestamp = Long.parseLong(pair[1]);
            } else if (pair.length == 2 && pair[0].equals("v1") && given.size() < 8) {
                given.add(pair[1]);
            }
        }
        if (timestamp == null || given.isEmpty()) {
            throw refused("missing or malformed " + header + " header");
        }
        Duration age = Duration.between(Instant.ofEpochSecond(timestamp), clock.instant()).abs();
        if (age.compareTo(TOLERANCE) > 0) {
            throw refused("signature timestamp outside the " + TOLERANCE.toMinutes() + "-minute window (replay?)");
        }
        byte[] expected = sign(timestamp, body).getBytes(StandardCharsets.US_ASCII);
        boolean matched = false;
        for (String candidate : given) {
            // every candidate is compared in constant time, and all of them, so timing says nothing about which
            matched |= MessageDigest.isEqual(expected, candidate.toLowerCase().getBytes(StandardCharsets.US_ASCII));
        }
        if (!matched) {
            throw refused("signature does not match");
        }
        return timestamp;
    }

    /** The {@code v1} value for a body sent at {@code timestamp}: what a partner computes. */
    public String sign(long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** The whole header value for a body signed now. */
    public String header(byte[] body) {
        long now = clock.instant().getEpochSecond();
        return "t=" + now + ",v1=" + sign(now, body);
    }

    private static ProblemException refused(String detail) {
        return new ProblemException(HttpStatus.UNAUTHORIZED, "Webhook signature refused", detail);
    }
}
