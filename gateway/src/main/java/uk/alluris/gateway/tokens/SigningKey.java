package uk.alluris.gateway.tokens;

import com.google.crypto.tink.Aead;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.ParseException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One RSA signing key, kept in the gateway's own database so that every gateway instance signs with the same key
 * and a restart does not invalidate the tokens in use. The private key is stored only sealed (Tink AEAD, bound to
 * its key id), so a copy of the database cannot mint tokens; the public half is stored as it is, for the JWKS.
 */
@Document("signing_keys")
record SigningKey(@Id String kid, String publicJwk, String sealedJwk, Instant createdAt) {

    static SigningKey generate(Instant now, Aead seal) {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE)
                    .issueTime(Date.from(now)).generate();
            byte[] sealed = seal.encrypt(key.toJSONString().getBytes(StandardCharsets.UTF_8), aad(key.getKeyID()));
            return new SigningKey(key.getKeyID(), key.toPublicJWK().toJSONString(),
                    Base64.getEncoder().encodeToString(sealed), now);
        } catch (JOSEException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a signing key", e);
        }
    }

    /** Whether this document holds a sealed key at all (documents from before sealing held the key in the clear). */
    boolean sealed() {
        return sealedJwk != null && publicJwk != null;
    }

    RSAKey privateKey(Aead seal) {
        try {
            byte[] json = seal.decrypt(Base64.getDecoder().decode(sealedJwk), aad(kid));
            return RSAKey.parse(new String(json, StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | ParseException e) {
            throw new IllegalStateException("stored signing key " + kid + " cannot be opened with the configured keyset", e);
        }
    }

    RSAKey publicKey() {
        try {
            return RSAKey.parse(publicJwk);
        } catch (ParseException e) {
            throw new IllegalStateException("stored signing key " + kid + " is unreadable", e);
        }
    }

    private static byte[] aad(String kid) {
        return ("alluris-signing-key:" + kid).getBytes(StandardCharsets.UTF_8);
    }
}
