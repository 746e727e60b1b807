package uk.alluris.web.services;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the pages find each service, called directly (not through the gateway) with the caller's token. The staff
 * accounts API lives in the gateway itself.
 */
@ConfigurationProperties("alluris.web.services")
public record ServiceUrls(URI gateway, URI booking, URI records, URI consent, URI marketing, URI rights) {
}
