package uk.alluris.rights.bundle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A request's download tokens: 256 random bits, base64url, given only to the requester (in the verification response,
 * in the ready mail). The request keeps only their SHA-256 — a token this long needs no key or slow hash to resist
 * guessing; the hash keeps a copy of the store from being a way in.
 */
final class DownloadTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private DownloadTokens() {
    }

    static String mint() {
        byte[] token = new byte[32];
        RANDOM.nextBytes(token);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    static String hash(String token) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
