package uk.alluris.rights.request;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The token that lets a requester without an account follow their own request (its status and each service's
 * progress, never the identifiers they gave): 256 random bits, base64url, minted when they prove their address with
 * the mailed code and shown only in that answer. Only its SHA-256 is kept, one per request (a later one replaces it),
 * so a copy of the store is no way in; a token this long needs no slow hash to resist guessing.
 */
@Component
class FollowTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Document("request_follow_tokens")
    record FollowToken(@Id UUID requestId, String tokenHash, Instant issuedAt) {
    }

    private final MongoTemplate mongo;

    FollowTokens(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A fresh token for the request's requester; returns the token, to be shown once. */
    String issue(UUID requestId, Instant now) {
        byte[] token = new byte[32];
        RANDOM.nextBytes(token);
        String minted = Base64.getUrlEncoder().withoutPadding().encodeToString(token);
        mongo.save(new FollowToken(requestId, hash(minted), now));
        return minted;
    }

    /** Whether {@code token} is the one this request's requester was given (compared in constant time). */
    boolean opens(UUID requestId, String token) {
        if (!StringUtils.hasText(token) || token.length() > 100) {
            return false;
        }
        FollowToken kept = mongo.findById(requestId, FollowToken.class);
        return kept != null && MessageDigest.isEqual(kept.tokenHash().getBytes(StandardCharsets.US_ASCII),
                hash(token.strip()).getBytes(StandardCharsets.US_ASCII));
    }

    private static String hash(String token) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
