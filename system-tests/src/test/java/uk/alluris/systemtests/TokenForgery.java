package uk.alluris.systemtests;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
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
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.ParseException;
import java.time.Instant;
import java.util.Base64;
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

    /** Signed with the gateway's real current key and right in every claim, but without {@code exp}. */
    static String withoutExpiry(RunningPlatform platform, String role) {
        return sign(gatewayKey(platform), new JWTClaimsSet.Builder(claims(role, Instant.now(), null))
                .jwtID(java.util.UUID.randomUUID().toString()).build());
    }

    /** Signed with the gateway's real current key, valid for 15 minutes: the control for {@link #withoutExpiry}. */
    static String valid(RunningPlatform platform, String role) {
        Instant now = Instant.now();
        return sign(gatewayKey(platform), new JWTClaimsSet.Builder(claims(role, now, now.plusSeconds(900)))
                .jwtID(java.util.UUID.randomUUID().toString()).build());
    }

    private static JWTClaimsSet claims(String role, Instant issued, Instant expires) {
        return new JWTClaimsSet.Builder().issuer("alluris-gateway").audience("alluris-platform").subject("mallory")
                .issueTime(Date.from(issued)).expirationTime(expires == null ? null : Date.from(expires))
                .claim("roles", List.of(role)).build();
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
            // the private key is stored sealed: the insider here also holds the keyset
            Aead seal = TinkJsonProtoKeysetFormat.parseKeyset(RunningPlatform.SIGNING_KEYSET,
                    InsecureSecretKeyAccess.get()).getPrimitive(RegistryConfiguration.get(), Aead.class);
            byte[] jwk = seal.decrypt(Base64.getDecoder().decode(newest.getString("sealedJwk")),
                    ("alluris-signing-key:" + newest.getString("_id")).getBytes(StandardCharsets.UTF_8));
            return RSAKey.parse(new String(jwk, StandardCharsets.UTF_8));
        } catch (ParseException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
