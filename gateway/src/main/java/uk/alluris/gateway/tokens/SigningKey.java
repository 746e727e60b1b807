package uk.alluris.gateway.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One RSA signing key, kept in the gateway's own database so that every gateway instance signs with the same key
 * and a restart does not invalidate the tokens in use.
 */
@Document("signing_keys")
record SigningKey(@Id String kid, String jwk, Instant createdAt) {

    static SigningKey generate(Instant now) {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE)
                    .issueTime(Date.from(now)).generate();
            return new SigningKey(key.getKeyID(), key.toJSONString(), now);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    RSAKey rsaKey() {
        try {
            return RSAKey.parse(jwk);
        } catch (ParseException e) {
            throw new IllegalStateException("stored signing key " + kid + " is unreadable", e);
        }
    }
}
