package uk.alluris.rights.bundle;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param bundleTtl how long an access or portability bundle can be downloaded once it is ready; then its parts are
 *        deleted and its key destroyed ({@code ALLURIS_RIGHTS_BUNDLE_TTL}, default 7 days)
 * @param publicUrl where requesters reach the platform (the gateway), for the download link in the ready mail
 *        ({@code ALLURIS_RIGHTS_PUBLIC_URL})
 */
@ConfigurationProperties("alluris.rights")
record BundleProperties(Duration bundleTtl, String publicUrl) {

    BundleProperties {
        bundleTtl = bundleTtl == null ? Duration.ofDays(7) : bundleTtl;
        publicUrl = publicUrl == null || publicUrl.isBlank() ? "http://127.0.0.1:8080" : publicUrl.strip();
        if (bundleTtl.isNegative() || bundleTtl.isZero()) {
            throw new IllegalArgumentException("alluris.rights.bundle-ttl must be positive");
        }
        if (publicUrl.endsWith("/")) {
            publicUrl = publicUrl.substring(0, publicUrl.length() - 1);
        }
    }
}
