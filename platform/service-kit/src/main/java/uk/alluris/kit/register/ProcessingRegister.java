package uk.alluris.kit.register;

import java.time.Period;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The clinic's register of processing (UK GDPR Article 30): why it processes personal data, which categories, on
 * which legal basis, who receives them, which leave the UK and under which safeguard, and how long each category
 * is kept. One configuration source ({@code alluris-register.yml} in the kit, overridable like any property) for
 * the retention jobs of every service, {@code GET /api/privacy/register}, the access bundle's supplementary
 * information and the portal's "how we use your data", so that none of them can say something the others do not.
 */
@ConfigurationProperties("alluris.register")
public record ProcessingRegister(
        String controller,
        String contact,
        List<Purpose> purposes,
        List<DataCategory> categories,
        List<Recipient> recipients,
        List<Transfer> transfers) {

    public ProcessingRegister {
        purposes = purposes == null ? List.of() : List.copyOf(purposes);
        categories = categories == null ? List.of() : List.copyOf(categories);
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        transfers = transfers == null ? List.of() : List.copyOf(transfers);
    }

    public Optional<DataCategory> category(String key) {
        return categories.stream().filter(category -> category.key().equals(key)).findFirst();
    }

    /** The categories a service holds: what its retention job enforces. */
    public List<DataCategory> categoriesHeldBy(String service) {
        return categories.stream().filter(category -> category.heldBy().equals(service)).toList();
    }

    /** Why the clinic processes data, on which basis, and which categories serve that purpose. */
    public record Purpose(String key, String description, LegalBasis legalBasis, List<String> categories) {
        public Purpose {
            categories = categories == null ? List.of() : List.copyOf(categories);
        }
    }

    /** One kind of personal data, the service that holds it, and when it ends. */
    public record DataCategory(String key, String name, String heldBy, LegalBasis legalBasis, boolean special,
            Retention retention) {
    }

    /**
     * How long a category is kept: {@code period} after the event {@code startsAt} names, on {@code ground}.
     * {@code rule} words any refinement the owning service applies (the clinical records' minors rule).
     */
    public record Retention(Period period, RetentionStart startsAt, String ground, String rule) {
    }

    /** Someone the clinic discloses data to: a processor acting for it, or a recipient in its own right. */
    public record Recipient(String key, String name, RecipientRole role, String purpose, List<String> categories) {
        public Recipient {
            categories = categories == null ? List.of() : List.copyOf(categories);
        }
    }

    /** A recipient that stores or processes data outside the UK, where, and the safeguard (UK GDPR Art. 46). */
    public record Transfer(String recipient, String destination, String safeguard) {
    }

    public enum LegalBasis { CONTRACT, LEGAL_OBLIGATION, LEGITIMATE_INTERESTS, CONSENT, VITAL_INTERESTS, PUBLIC_TASK }

    /** The event from which a category's retention period runs. */
    public enum RetentionStart {
        /** the record was created */
        CREATION,
        /** the person's last appointment, or their last activity if they never booked */
        LAST_ACTIVITY,
        /** the last clinical entry about the person */
        LAST_ENTRY,
        /** the end of the financial year (5 April in the UK) in which the record was made */
        END_OF_FINANCIAL_YEAR,
        /** the consent was withdrawn (kept while it stands) */
        WITHDRAWAL,
        /** the request was completed */
        COMPLETION
    }

    public enum RecipientRole { PROCESSOR, INDEPENDENT_CONTROLLER, AUTHORITY }
}
