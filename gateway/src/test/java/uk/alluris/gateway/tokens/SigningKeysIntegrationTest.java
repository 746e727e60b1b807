package uk.alluris.gateway.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.Aead;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import uk.alluris.kit.secrets.Keysets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.security.oauth2.jwt.Jwt;
import uk.alluris.kit.security.RevokedTokens;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

/** Its own context (the property below), so that the key ring is first read after the old keys are stored. */
@SpringBootTest(properties = "alluris.tokens.key-rotation=30d")
@UsesEmbeddedInfrastructure
class SigningKeysIntegrationTest {

    private static boolean seeded;
    private static String oldKid;
    private static String retiredKid;

    @Autowired
    SigningKeys keys;
    @Autowired
    TokenIssuer issuer;
    @Autowired
    TokenVerifier verifier;
    @Autowired
    RevokedTokens revoked;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Value("${alluris.tokens.signing-keyset}")
    String keyset;

    @BeforeEach
    void storeKeysFromEarlierRotations() {
        if (seeded) {
            return;
        }
        Aead seal = new Keysets("", true).aead("test", keyset);
        Instant now = Instant.now();
        SigningKey old = SigningKey.generate(now.minus(Duration.ofDays(70)), seal);
        SigningKey retired = SigningKey.generate(now.minus(Duration.ofDays(35)), seal);
        mongo.insert(old).block();
        mongo.insert(retired).block();
        oldKid = old.kid();
        retiredKid = retired.kid();
        seeded = true;
    }

    @Test
    void aRetiredKeyStaysPublishedForOneTokenLifetimeAndAnOlderOneIsDeleted() {
        List<String> published = keys.publicKeys().block().getKeys().stream().map(JWK::getKeyID).toList();
        String active = keys.active().block().getKeyID();

        assertThat(published).containsExactlyInAnyOrder(active, retiredKid).doesNotContain(oldKid);
        assertThat(active).isNotIn(oldKid, retiredKid);
        assertThat(mongo.findById(oldKid, Document.class, "signing_keys").block()).isNull();
        assertThat(keys.publicKeys().block().getKeys()).allMatch(key -> !key.isPrivate());
    }

    @Test
    void privateKeysAreStoredOnlySealed() {
        keys.active().block();
        List<Document> stored = mongo.findAll(Document.class, "signing_keys").collectList().block();

        assertThat(stored).isNotEmpty().allSatisfy(document -> {
            assertThat(document.containsKey("jwk")).isFalse();
            assertThat(document.getString("publicJwk")).doesNotContain("\"d\"");
            assertThat(document.getString("sealedJwk")).doesNotContain("\"d\"").doesNotContain("kty");
        });
    }

    @Test
    void theGatewayRefusesATokenWithoutExpiryOrOneThatWasRevoked() throws Exception {
        RSAKey key = keys.active().block();
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer("alluris-gateway").audience("alluris-platform")
                .subject("mallory").issueTime(Date.from(now)).jwtID(UUID.randomUUID().toString())
                .claim("roles", List.of("ADMIN"));
        SignedJWT eternal = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                claims.build());
        eternal.sign(new RSASSASigner(key));

        assertThatThrownBy(() -> verifier.verify(eternal.serialize()).block()).hasMessageContaining("exp");

        String issued = issuer.issue("someone@alluris.local", List.of("RECEPTION"), Map.of()).block().accessToken();
        Jwt valid = verifier.verify(issued).block();
        assertThat(valid.getExpiresAt()).isAfter(now);
        revoked.revoke(valid.getId(), valid.getExpiresAt());
        assertThatThrownBy(() -> verifier.verify(issued).block()).hasMessageContaining("revoked");
    }
}
