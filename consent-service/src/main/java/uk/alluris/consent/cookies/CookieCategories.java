package uk.alluris.consent.cookies;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.HttpStatus;
import uk.alluris.kit.problem.ProblemException;

/**
 * The banner's three categories, read strictly: exactly {@code necessary}, {@code analytics} and {@code advertising},
 * each true or false, with {@code necessary} always true (the site cannot work without it, so it is not a choice).
 * Anything else is refused, naming what is allowed, so no free-form data reaches the store through this door.
 */
record CookieCategories(boolean analytics, boolean advertising) {

    static final List<String> NAMES = List.of("necessary", "analytics", "advertising");
    static final String ANALYTICS_PURPOSE = "cookies.analytics";
    static final String ADVERTISING_PURPOSE = "cookies.advertising";

    static CookieCategories read(Map<String, Boolean> categories) {
        if (categories == null) {
            throw invalid("categories is required: an object with " + NAMES + ", each true or false");
        }
        Set<String> unknown = new TreeSet<>(categories.keySet());
        NAMES.forEach(unknown::remove);
        if (!unknown.isEmpty()) {
            throw invalid("categories may name only " + NAMES + "; not " + unknown);
        }
        for (String name : NAMES) {
            if (categories.get(name) == null) {
                throw invalid("categories." + name + " is required (true or false)");
            }
        }
        if (!categories.get("necessary")) {
            throw invalid("categories.necessary is always true: the site cannot work without it");
        }
        return new CookieCategories(categories.get("analytics"), categories.get("advertising"));
    }

    /** Global Privacy Control asks that nothing be shared for advertising: honoured without asking. */
    CookieCategories underGlobalPrivacyControl() {
        return new CookieCategories(analytics, false);
    }

    Map<String, Boolean> byPurpose() {
        return Map.of(ANALYTICS_PURPOSE, analytics, ADVERTISING_PURPOSE, advertising);
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "Invalid input", detail);
    }
}
