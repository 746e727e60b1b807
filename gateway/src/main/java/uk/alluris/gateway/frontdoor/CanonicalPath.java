package uk.alluris.gateway.frontdoor;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one spelling of a path the gateway accepts. Routing decodes percent-escapes, drops {@code ;params} and matches
 * segment by segment, so {@code /%61uth/…} or {@code /auth;x/…} would reach the handler of {@code /auth/…} while a
 * limit keyed on the raw text missed it. Rather than keep two normalisations in step, a path not already in its one
 * canonical form is refused (400) before anything else reads it: then every limit sees exactly the path routing
 * sees. No endpoint of the platform needs an escaped character in its path (ids, partner names and tokens in
 * queries), so nothing legitimate is refused.
 */
final class CanonicalPath {

    // unreserved and sub-delimiter characters, ':' and '@' (RFC 3986 pchar) without '%' and ';'
    private static final Pattern SEGMENTS = Pattern.compile("(/[A-Za-z0-9._~!$&'()*+,=:@-]+)*/?");

    private CanonicalPath() {
    }

    /** Why the raw path is not canonical, or empty when it is. */
    static Optional<String> problemWith(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return Optional.empty();
        }
        if (!SEGMENTS.matcher(rawPath).matches()) {
            return Optional.of("the path must be plain: no percent-escapes, ';' parameters, empty segments or "
                    + "other characters outside letters, digits and - . _ ~ ! $ & ' ( ) * + , = : @");
        }
        for (String segment : rawPath.split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.of("the path must not contain '.' or '..' segments");
            }
        }
        return Optional.empty();
    }

    /**
     * The key every limit matches on: the canonical path lower-cased and without a trailing slash, so that neither a
     * different case nor a trailing slash (which some routes accept) is a different bucket.
     */
    static String forLimits(String canonicalPath) {
        String lower = canonicalPath.toLowerCase(Locale.ROOT);
        return lower.length() > 1 && lower.endsWith("/") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
