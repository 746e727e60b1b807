package uk.alluris.web.portal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The plain words a client reads for the platform's wire names (purposes, request types, states, services):
 * {@code @portalWords} in the portal's pages. The same words are the consent text recorded as evidence.
 */
@Component("portalWords")
public class PortalWords {

    static final Map<String, String> PURPOSES = ordered(
            "marketing.email", "Emails about our offers and news",
            "marketing.sms", "Text messages about our offers and news",
            "marketing.phone", "Phone calls about our offers and news",
            "photos.marketing.identifiable", "Using photos of you in which you can be recognised in our marketing",
            "photos.marketing.anonymised", "Using photos of you in which you cannot be recognised in our marketing",
            "cookies.analytics", "Analytics cookies on our website, to see how it is used",
            "cookies.advertising", "Advertising cookies on our website, to measure our adverts");

    /** What a client may ask for here (a correction is filed from My details). */
    static final Map<String, String> REQUESTS = ordered(
            "ACCESS", "A copy of all the data we hold about you (a ZIP file to download)",
            "PORTABILITY", "Your data in a machine-readable form, to take to another provider",
            "ERASURE", "Delete your data (we keep only what the law makes us keep, and tell you what and why)",
            "RESTRICTION", "Pause the use of your data (we keep it but use it for nothing else until you ask us to stop)",
            "OBJECTION_TO_MARKETING", "Stop all marketing to you, by every channel");

    private static final Map<String, String> TYPES = ordered("ACCESS", "Copy of your data", "PORTABILITY",
            "Your data to take elsewhere", "ERASURE", "Delete your data", "RESTRICTION", "Pause the use of your data",
            "LIFT_RESTRICTION", "Resume the use of your data", "OBJECTION_TO_MARKETING", "Stop marketing",
            "RECTIFICATION", "Correct your details");
    private static final Map<String, String> STATUSES = ordered("AWAITING_VERIFICATION", "Waiting for you to confirm",
            "IN_PROGRESS", "In progress", "COMPLETED", "Done");
    private static final Map<String, String> SERVICES = ordered("booking-service", "Bookings and payments",
            "records-service", "Clinical records", "consent-service", "Your consents", "marketing-service",
            "Marketing", "gateway", "Sign-in");

    public List<String> purposes() {
        return List.copyOf(PURPOSES.keySet());
    }

    public String purpose(String key) {
        return PURPOSES.getOrDefault(key, key);
    }

    public String type(String type) {
        return TYPES.getOrDefault(type, type);
    }

    public String status(String status) {
        return STATUSES.getOrDefault(status, status);
    }

    public String service(String name) {
        return SERVICES.getOrDefault(name, name);
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> words = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            words.put(pairs[i], pairs[i + 1]);
        }
        return Collections.unmodifiableMap(words);
    }
}
