package uk.alluris.marketing.leads;

import java.time.Clock;
import org.springframework.stereotype.Component;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.kit.identity.InvalidEmailAddress;
import uk.alluris.kit.identity.InvalidPhoneNumber;
import uk.alluris.kit.identity.Normalisation;
import uk.alluris.marketing.suppression.MarketingEligibility;

/**
 * Decides whether a delivered lead's person may be stored: normalised, found reachable, and neither suppressed nor
 * restricted. A lead that fails holds nothing about the person, only the reason it was dropped.
 */
@Component
class LeadScreening {

    private final MarketingEligibility eligibility;
    private final BlindIndexer indexer;
    private final Clock clock;

    LeadScreening(MarketingEligibility eligibility, BlindIndexer indexer, Clock clock) {
        this.eligibility = eligibility;
        this.indexer = indexer;
        this.clock = clock;
    }

    /**
     * Normalises and checks the person: false (and the lead marked dropped, holding nothing about them) when they may
     * not be marketed to or cannot be reached at all; otherwise the lead holds the details and is stored.
     */
    boolean admit(Lead lead, LeadIntake.Details details) {
        String email = normalisedEmail(details.email());
        String phone = normalisedPhone(details.phone());
        if (email == null && phone == null) {
            lead.dropped(Lead.DropReason.NO_CONTACT);
            return false;
        }
        String emailIndex = email == null ? null : indexer.email(email);
        String phoneIndex = phone == null ? null : indexer.phone(phone);
        switch (eligibility.verdict(null, emailIndex, phoneIndex)) {
            case SUPPRESSED:
                lead.dropped(Lead.DropReason.SUPPRESSED);
                return false;
            case RESTRICTED:
                lead.dropped(Lead.DropReason.RESTRICTED);
                return false;
            default:
                break;
        }
        String fullName = details.fullName() == null || details.fullName().isBlank() ? null
                : truncate(details.fullName().strip(), 200);
        lead.details(email, emailIndex, phone, phoneIndex, fullName, details.consents(),
                truncate(details.consentText(), 4000));
        lead.stored(clock.instant());
        return true;
    }

    private static String normalisedEmail(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Normalisation.email(raw);
        } catch (InvalidEmailAddress e) {
            return null;
        }
    }

    private String normalisedPhone(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return indexer.normalisePhone(raw);
        } catch (InvalidPhoneNumber e) {
            return null;
        }
    }

    private static String truncate(String value, int max) {
        return value == null ? null : value.length() <= max ? value : value.substring(0, max);
    }
}
