package uk.alluris.kit.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param secret the platform secret every service shares, so the same person gets the same index everywhere
 * @param defaultRegion the region a phone number without a country code is read in (ISO 3166, e.g. GB)
 */
@ConfigurationProperties("alluris.blind-index")
public record BlindIndexProperties(String secret, String defaultRegion) {

    public BlindIndexProperties {
        if (secret == null || secret.length() < 32) {
            throw new IllegalArgumentException("alluris.blind-index.secret must be at least 32 characters");
        }
        defaultRegion = defaultRegion == null ? "GB" : defaultRegion;
    }
}
