package uk.alluris.systemtests;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import uk.alluris.testsupport.EmbeddedInfrastructure;

/** Tokens the platform must refuse: one signed with its own key but expired, one signed with someone else's key. */
final class TokenForgery {

    private TokenForgery() {
    }

    /** Signed with the gateway's real current key (read from its database, as an insider could), but expired. */
    static String expired(RunningPlatform platform, String role) {
        Instant issued = Instant.now().minusSeconds(3600);
        return sign(gatewayKey(platform), claims(role, issued, issued.plusSeconds(900)));
    }

    /** Valid in every claim, and naming the gateway's key id, but signed with a key the gateway never had. */
    static String foreignSigned(RunningPlatform platform, String role) {
        try {
            RSAKey impostor = new RSAKeyGenerator(2048).keyID(gatewayKey(platform).getKeyID()).generate();
            Instant now = Instant.now();
            return sign(impostor, claims(role, now, now.plusSeconds(900)));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWTClaimsSet claims(String role, Instant issued, Instant expires) {
        return new JWTClaimsSet.Builder().issuer("alluris-gateway").audience("alluris-platform").subject("mallory")
                .issueTime(Date.from(issued)).expirationTime(Date.from(expires)).claim("roles", List.of(role)).build();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey gatewayKey(RunningPlatform platform) {
        try (MongoClient mongo = MongoClients.create(EmbeddedInfrastructure.get().mongoUri())) {
            Document newest = mongo.getDatabase(platform.database("gateway")).getCollection("signing_keys").find()
                    .sort(new Document("createdAt", -1)).first();
            if (newest == null) {
                throw new IllegalStateException("the gateway has no signing key yet");
            }
            return RSAKey.parse(newest.getString("jwk"));
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
