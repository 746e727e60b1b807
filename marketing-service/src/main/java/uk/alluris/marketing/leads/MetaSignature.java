package uk.alluris.marketing.leads;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.HttpStatus;
import uk.alluris.kit.problem.ProblemException;

/**
 * Meta's signature on a webhook delivery: {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body under
 * the app secret>}, compared in constant time. Missing, malformed or wrong is a 401 problem, and nothing is stored.
 */
final class MetaSignature {

    static final String HEADER = "X-Hub-Signature-256";
    private static final String PREFIX = "sha256=";

    private final byte[] secret;

    MetaSignature(String appSecret) {
        if (appSecret == null || appSecret.length() < 16) {
            throw new IllegalArgumentException("the Meta app secret must be at least 16 characters");
        }
        this.secret = appSecret.getBytes(StandardCharsets.UTF_8);
    }

    void verify(String header, byte[] body) {
        if (header == null || !header.startsWith(PREFIX) || !header.substring(PREFIX.length()).matches("[0-9a-fA-F]{64}")) {
            throw refused("missing or malformed " + HEADER + " header");
        }
        byte[] given = header.substring(PREFIX.length()).toLowerCase().getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(sign(body).getBytes(StandardCharsets.US_ASCII), given)) {
            throw refused("signature does not match");
        }
    }

    /** The header value for a body: what Meta sends. */
    String header(byte[] body) {
        return PREFIX + sign(body);
    }

    private String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static ProblemException refused(String detail) {
        return new ProblemException(HttpStatus.UNAUTHORIZED, "Webhook signature refused", detail);
    }
}
