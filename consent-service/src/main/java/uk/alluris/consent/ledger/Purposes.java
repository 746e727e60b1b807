package uk.alluris.consent.ledger;

import java.util.List;
import java.util.Set;

/** The purposes a person can consent to, by their stable wire names. */
public final class Purposes {

    /** Withdrawn together on an objection to marketing; advertising cookies measure marketing, so are among them. */
    public static final List<String> MARKETING = List.of("marketing.email", "marketing.sms", "marketing.phone",
            "photos.marketing.identifiable", "photos.marketing.anonymised", "cookies.advertising");
    public static final Set<String> ALL = Set.of("marketing.email", "marketing.sms", "marketing.phone",
            "photos.marketing.identifiable", "photos.marketing.anonymised", "cookies.analytics", "cookies.advertising");

    private Purposes() {
    }
}
