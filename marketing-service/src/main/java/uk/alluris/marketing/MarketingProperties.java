package uk.alluris.marketing;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Marketing's settings ({@code alluris.marketing.*} in application.yml, each overridable from the environment). The
 * secrets here have local defaults only so that {@code ./run} works out of the box; production sets every one.
 *
 * @param publicBaseUrl where links in mail point (the gateway as the public reaches it)
 * @param policyVersion the privacy-policy version a consent captured here is given under
 * @param linkSecret signs confirmation and unsubscribe links
 * @param confirmationValidFor how long a double opt-in link works
 * @param defaultList the list a sign-up joins when it names none
 * @param leadList the list a lead joins when its form captured consent
 */
@ConfigurationProperties("alluris.marketing")
public record MarketingProperties(String publicBaseUrl, String policyVersion, String linkSecret,
        Duration confirmationValidFor, String mailFrom, String defaultList, String leadList, Meta meta,
        Map<String, Partner> partners) {

    public MarketingProperties {
        publicBaseUrl = stripSlash(Objects.requireNonNullElse(publicBaseUrl, "http://127.0.0.1:8080"));
        policyVersion = Objects.requireNonNullElse(policyVersion, "2026-01");
        confirmationValidFor = Objects.requireNonNullElse(confirmationValidFor, Duration.ofHours(48));
        mailFrom = Objects.requireNonNullElse(mailFrom, "news@alluris.local");
        defaultList = Objects.requireNonNullElse(defaultList, "newsletter");
        leadList = Objects.requireNonNullElse(leadList, "newsletter");
        meta = Objects.requireNonNullElse(meta, new Meta(null, null, null, null, null, null, null, null, null, null,
                null, null, null));
        partners = partners == null ? Map.of() : Map.copyOf(partners);
    }

    /**
     * Meta Lead Ads.
     *
     * @param consentCheckboxes the form's custom disclaimer checkbox key that captures consent, per channel
     *     ({@code email}, {@code sms})
     * @param consentText the consent wording the forms show; {@code formConsentTexts} overrides it per form id
     * @param graphAttempts tries per Graph call (the first included) before the lead waits for the next round
     * @param pendingRetryInterval how often lead ids whose fetch failed are tried again
     * @param maxFetchAttempts rounds before a lead id is given up (and shown as failed)
     */
    public record Meta(String verifyToken, String appSecret, String pageAccessToken, String graphBaseUrl,
            Map<String, String> consentCheckboxes, String consentText, Map<String, String> formConsentTexts,
            Duration graphTimeout, Integer graphAttempts, Duration graphRetryWait, Duration pendingRetryInterval,
            Integer maxFetchAttempts, Integer circuitBreakerMinimumCalls) {

        public Meta {
            graphBaseUrl = stripSlash(Objects.requireNonNullElse(graphBaseUrl, "https://graph.facebook.com/v21.0"));
            consentCheckboxes = consentCheckboxes == null ? Map.of() : Map.copyOf(consentCheckboxes);
            formConsentTexts = formConsentTexts == null ? Map.of() : Map.copyOf(formConsentTexts);
            graphTimeout = Objects.requireNonNullElse(graphTimeout, Duration.ofSeconds(5));
            graphAttempts = Objects.requireNonNullElse(graphAttempts, 3);
            graphRetryWait = Objects.requireNonNullElse(graphRetryWait, Duration.ofMillis(500));
            pendingRetryInterval = Objects.requireNonNullElse(pendingRetryInterval, Duration.ofMinutes(1));
            maxFetchAttempts = Objects.requireNonNullElse(maxFetchAttempts, 50);
            circuitBreakerMinimumCalls = Objects.requireNonNullElse(circuitBreakerMinimumCalls, 10);
        }

        /** The consent wording shown on this form. */
        public String consentTextFor(String formId) {
            return formId == null ? consentText : formConsentTexts.getOrDefault(formId, consentText);
        }
    }

    /** A lead partner: the secret it signs its webhooks with. */
    public record Partner(String secret) {
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
