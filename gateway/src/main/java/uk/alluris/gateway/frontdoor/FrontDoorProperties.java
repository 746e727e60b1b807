package uk.alluris.gateway.frontdoor;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param authPerMinute requests per minute one address may make to {@code /auth/**}
 * @param publicPerMinute requests per minute one address may make to the other endpoints open without an account
 * @param maxBody the largest request body accepted (413 beyond)
 * @param portalOrigin the one browser origin allowed to call the API cross-origin (the client portal)
 * @param trustedProxies addresses of the load balancers whose {@code X-Forwarded-For} is believed
 */
@ConfigurationProperties("alluris.front-door")
public record FrontDoorProperties(Integer authPerMinute, Integer publicPerMinute, DataSize maxBody, String portalOrigin,
        List<String> trustedProxies) {

    public FrontDoorProperties {
        authPerMinute = authPerMinute == null ? 20 : authPerMinute;
        publicPerMinute = publicPerMinute == null ? 60 : publicPerMinute;
        maxBody = maxBody == null ? DataSize.ofMegabytes(1) : maxBody;
        trustedProxies = List.copyOf(trustedProxies == null ? List.of() : trustedProxies);
    }
}
