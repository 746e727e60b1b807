package uk.alluris.gateway.frontdoor;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param authPerMinute requests per minute one address may make to {@code /auth/**}
 * @param publicPerMinute requests per minute one address may make to the other endpoints open without an account
 * @param maxBody the largest request body accepted (413 beyond), declared or streamed
 * @param maxUpload the largest body accepted where a file is uploaded (a clinical photo), instead of maxBody
 * @param portalOrigin the one browser origin allowed to call the API cross-origin (the client portal)
 * @param trustedProxies addresses of the load balancers whose {@code X-Forwarded-For} is believed
 * @param publicBaseUrl the gateway's own public address; pages it serves call it from this origin
 * @param websiteOrigins the clinic's website origins, whose pages embed the cookie banner and send visitors' choices
 */
@ConfigurationProperties("alluris.front-door")
public record FrontDoorProperties(Integer authPerMinute, Integer publicPerMinute, DataSize maxBody, String portalOrigin,
        List<String> trustedProxies, String publicBaseUrl, DataSize maxUpload, List<String> websiteOrigins) {

    public FrontDoorProperties {
        authPerMinute = authPerMinute == null ? 20 : authPerMinute;
        publicPerMinute = publicPerMinute == null ? 60 : publicPerMinute;
        maxBody = maxBody == null ? DataSize.ofMegabytes(1) : maxBody;
        maxUpload = maxUpload == null ? DataSize.ofMegabytes(10) : maxUpload;
        trustedProxies = List.copyOf(trustedProxies == null ? List.of() : trustedProxies);
        websiteOrigins = websiteOrigins == null ? List.of() : websiteOrigins.stream()
                .filter(o -> o != null && !o.isBlank())
                .map(FrontDoorProperties::origin).distinct().toList();
    }

    /** Origins whose pages may send a visitor's cookie choice: the clinic's website, the portal, the gateway. */
    List<String> bannerOrigins() {
        return Stream.concat(websiteOrigins.stream(), trustedOrigins().stream()).distinct().sorted().toList();
    }

    /** The browser origins whose pages may act with the session cookie: the portal's and the gateway's own. */
    Set<String> trustedOrigins() {
        return Stream.of(portalOrigin, publicBaseUrl).filter(o -> o != null && !o.isBlank())
                .map(FrontDoorProperties::origin).collect(Collectors.toUnmodifiableSet());
    }

    // an Origin header is scheme://host[:port], without path or trailing slash
    private static String origin(String url) {
        URI uri = URI.create(url.strip());
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
