package uk.alluris.consent.ledger;

import java.util.List;
import java.util.Set;

/** The purposes a person can consent to, by their stable wire names. */
public final class Purposes {

    public static final List<String> MARKETING = List.of("marketing.email", "marketing.sms", "marketing.phone",
            "photos.marketing.identifiable", "photos.marketing.anonymised");
    public static final Set<String> ALL = Set.of("marketing.email", "marketing.sms", "marketing.phone",
            "photos.marketing.identifiable", "photos.marketing.anonymised", "cookies.analytics", "cookies.advertising");

    private Purposes() {
    }
}
