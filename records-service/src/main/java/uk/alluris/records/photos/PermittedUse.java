package uk.alluris.records.photos;

import java.util.Optional;

/**
 * What the clinic may do with a photo. Clinical use needs no consent beyond the care itself; each marketing use needs
 * the person's current consent for its purpose in the consent ledger, checked each time the photo is used.
 */
enum PermittedUse {

    CLINICAL(null),
    /** Only the anonymised derivative (cropped to a region the clinician chose) may be used. */
    MARKETING_ANONYMISED("photos.marketing.anonymised"),
    MARKETING_IDENTIFIABLE("photos.marketing.identifiable");

    private final String ledgerPurpose;

    PermittedUse(String ledgerPurpose) {
        this.ledgerPurpose = ledgerPurpose;
    }

    /** The consent ledger's purpose this use needs, or empty for clinical use. */
    Optional<String> ledgerPurpose() {
        return Optional.ofNullable(ledgerPurpose);
    }

    boolean marketing() {
        return ledgerPurpose != null;
    }
}
