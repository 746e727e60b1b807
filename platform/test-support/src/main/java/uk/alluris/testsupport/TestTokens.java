package uk.alluris.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Tokens as the gateway issues them (RS256, {@code iss}, {@code aud}, {@code roles}, {@code email_index}), signed by
 * a key whose JWKS this JVM serves over HTTP, so services under test verify them for real. Also the tokens they must
 * refuse: expired, signed by a stranger's key, from another issuer, for another audience.
 */
public final class TestTokens {

    public static final String ISSUER = "alluris-gateway";
    public static final String AUDIENCE = "alluris-platform";
    private static volatile TestTokens instance;

    private final RSAKey key;
    private final RSAKey stranger;
    private final String jwksUri;

    private TestTokens() {
        try {
            key = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).generate();
            stranger = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        jwksUri = serveJwks(new JWKSet(key.toPublicJWK()).toString());
    }

    public static TestTokens get() {
        if (instance == null) {
            synchronized (TestTokens.class) {
                if (instance == null) {
                    instance = new TestTokens();
                }
            }
        }
        return instance;
    }

    public String jwksUri() {
        return jwksUri;
    }

    /** A valid staff token with these roles. */
    public String staff(String... roles) {
        return sign(key, claims("staff-" + String.join("-", roles), List.of(roles), null, ISSUER, AUDIENCE,
                Duration.ofMinutes(15)));
    }

    /** A valid client token for the person behind {@code emailIndex}. */
    public String client(String emailIndex) {
        return sign(key, claims(emailIndex, List.of("CLIENT"), emailIndex, ISSUER, AUDIENCE, Duration.ofMinutes(15)));
    }

    public String expired(String role) {
        return sign(key, claims("late", List.of(role), null, ISSUER, AUDIENCE, Duration.ofMinutes(-5)));
    }

    /** Signed by the right key and right in every claim, but with no {@code exp}: it would never expire. */
    public String withoutExpiry(String role) {
        JWTClaimsSet valid = claims("eternal", List.of(role), null, ISSUER, AUDIENCE, Duration.ofMinutes(15));
        return sign(key, new JWTClaimsSet.Builder(valid).expirationTime(null).build());
    }

    /** A valid staff token whose roles sit in a nested claim (e.g. {@code realm_access.roles}) instead of {@code roles}. */
    public String staffWithRolesAt(String claimPath, String... roles) {
        JWTClaimsSet valid = claims("staff-elsewhere", List.of(), null, ISSUER, AUDIENCE, Duration.ofMinutes(15));
        String[] steps = claimPath.split("\\.");
        Object nested = List.of(roles);
        for (int i = steps.length - 1; i > 0; i--) {
            nested = java.util.Map.of(steps[i], nested);
        }
        return sign(key, new JWTClaimsSet.Builder(valid).claim("roles", null).claim(steps[0], nested).build());
    }

    public String signedByAStranger(String role) {
        return sign(stranger, claims("mallory", List.of(role), null, ISSUER, AUDIENCE, Duration.ofMinutes(15)));
    }

    public String fromAnotherIssuer(String role) {
        return sign(key, claims("elsewhere", List.of(role), null, "https://idp.example", AUDIENCE, Duration.ofMinutes(15)));
    }

    public String forAnotherAudience(String role) {
        return sign(key, claims("elsewhere", List.of(role), null, ISSUER, "another-platform", Duration.ofMinutes(15)));
    }

    private static JWTClaimsSet claims(String subject, List<String> roles, String emailIndex, String issuer,
            String audience, Duration validFor) {
        Instant now = Instant.now();
        Instant issued = validFor.isNegative() ? now.minus(Duration.ofMinutes(30)) : now;
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer).audience(audience).subject(subject)
                .issueTime(Date.from(issued)).expirationTime(Date.from(now.plus(validFor)))
                .jwtID(UUID.randomUUID().toString()).claim("roles", roles);
        if (emailIndex != null) {
            claims.claim("email_index", emailIndex);
        }
        return claims.build();
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

    private static String serveJwks(String jwks) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
            server.createContext("/.well-known/jwks.json", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/jwk-set+json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.setExecutor(null);
            server.start();
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
