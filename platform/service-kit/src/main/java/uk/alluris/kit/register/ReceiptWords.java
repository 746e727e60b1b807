package uk.alluris.kit.register;

import java.util.Locale;
import java.util.Map;

/**
 * How a receipt reads to the person it is about: what was done to a category, and which part of the clinic's system
 * did it, in plain words. One wording for every place a requester reads a receipt — the privacy centre's progress
 * page and the outcome mail the rights service sends when a request completes — so the two never say it differently.
 */
public final class ReceiptWords {

    private static final Map<String, String> PARTS = Map.of(
            "booking-service", "Appointments, payments and your details",
            "records-service", "Clinical records",
            "consent-service", "Your consents",
            "marketing-service", "Marketing and newsletters");

    private ReceiptWords() {
    }

    /** What was done (an {@code Outcome} name), in plain words; an outcome this does not know is shown as it is. */
    public static String outcome(String outcome) {
        return switch (outcome == null ? "" : outcome) {
            case "ERASED" -> "deleted";
            case "RETAINED" -> "kept, because the law requires it";
            case "RESTRICTED" -> "kept, but no longer used";
            case "EXPORTED" -> "copied into your download";
            case "RECTIFIED" -> "corrected";
            case "NOT_HELD" -> "we held none";
            case "WITHDRAWN" -> "no longer used for this";
            case "RESTRICTION_LIFTED" -> "in use again";
            default -> outcome;
        };
    }

    /** A data-holding service as a client knows it; one not listed is shown by its name. */
    public static String part(String service) {
        return PARTS.getOrDefault(service, service);
    }

    /** A receipt's category key ({@code contact-profile}) as words ({@code contact profile}). */
    public static String category(String category) {
        return category == null ? "" : category.replace('-', ' ').replace('_', ' ').toLowerCase(Locale.ROOT);
    }
}
