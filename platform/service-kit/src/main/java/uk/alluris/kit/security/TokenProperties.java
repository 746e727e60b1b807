package uk.alluris.kit.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a service verifies the tokens it is called with. By default they are the gateway's; to trust an external
 * OIDC issuer (e.g. Keycloak) instead, set its JWKS URI and issuer, and the claim that carries roles
 * ({@code realm_access.roles} for Keycloak realm roles).
 *
 * @param jwksUri where the signing keys are published
 * @param issuer the {@code iss} a token must carry
 * @param audience the {@code aud} a token must include
 * @param rolesClaim the claim holding role names, dotted for a nested claim
 */
@ConfigurationProperties("alluris.security")
public record TokenProperties(String jwksUri, String issuer, String audience, String rolesClaim) {

    public TokenProperties {
        audience = audience == null ? "alluris-platform" : audience;
        rolesClaim = rolesClaim == null ? "roles" : rolesClaim;
    }
}
