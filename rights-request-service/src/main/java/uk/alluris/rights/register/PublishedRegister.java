package uk.alluris.rights.register;

import java.util.List;
import uk.alluris.kit.register.ProcessingRegister;
import uk.alluris.kit.register.RegisterNotices;

/**
 * The register of processing as the public reads it ({@code GET /api/privacy/register}), and as the access bundle and
 * the portal render it: every entry of the kit's {@link ProcessingRegister} and {@link RegisterNotices}, each coded
 * value beside its plain words ({@code says}). Built once from configuration; holds no personal data.
 */
public record PublishedRegister(String controller, String contact, List<Purpose> purposes, List<Category> categories,
        List<Recipient> recipients, List<Transfer> transfers, List<String> sources, List<Right> rights,
        Complaints complaints) {

    public record Purpose(String key, String description, String legalBasis, String legalBasisSays,
            List<String> categories) {
    }

    public record Category(String key, String name, String heldBy, String legalBasis, String legalBasisSays,
            boolean special, Retention retention) {
    }

    /** {@code period} (ISO-8601) after {@code startsAt}; {@code says} words both, {@code rule} any refinement. */
    public record Retention(String period, String startsAt, String says, String ground, String rule) {
    }

    public record Recipient(String key, String name, String role, String roleSays, String purpose,
            List<String> categories) {
    }

    public record Transfer(String recipient, String recipientName, String destination, String safeguard) {
    }

    public record Right(String key, String name, String description) {
    }

    public record Complaints(String name, String website, String phone, String address) {
    }

    static PublishedRegister of(ProcessingRegister register, RegisterNotices notices) {
        List<Recipient> recipients = register.recipients().stream().map(recipient -> new Recipient(recipient.key(),
                recipient.name(), recipient.role().name(), RegisterWords.role(recipient.role()), recipient.purpose(),
                recipient.categories())).toList();
        RegisterNotices.Authority authority = notices.complaints();
        if (authority == null || authority.name() == null || authority.website() == null || authority.phone() == null) {
            // every answer to a requester names where to complain (UK GDPR Art. 15(1)(f), 77)
            throw new IllegalStateException("alluris.register.notices.complaints needs a name, website and phone");
        }
        return new PublishedRegister(register.controller(), register.contact(),
                register.purposes().stream().map(purpose -> new Purpose(purpose.key(), purpose.description(),
                        purpose.legalBasis().name(), RegisterWords.basis(purpose.legalBasis()), purpose.categories()))
                        .toList(),
                register.categories().stream().map(category -> new Category(category.key(), category.name(),
                        category.heldBy(), category.legalBasis().name(), RegisterWords.basis(category.legalBasis()),
                        category.special(), retention(category.retention()))).toList(),
                recipients,
                register.transfers().stream().map(transfer -> new Transfer(transfer.recipient(),
                        recipients.stream().filter(r -> r.key().equals(transfer.recipient())).map(Recipient::name)
                                .findFirst().orElse(transfer.recipient()),
                        transfer.destination(), transfer.safeguard())).toList(),
                notices.sources(),
                notices.rights().stream().map(right -> new Right(right.key(), right.name(), right.description()))
                        .toList(),
                new Complaints(authority.name(), authority.website(), authority.phone(), authority.address()));
    }

    private static Retention retention(ProcessingRegister.Retention retention) {
        return new Retention(retention.period().toString(), retention.startsAt().name(),
                RegisterWords.retention(retention.period(), retention.startsAt()), retention.ground(),
                retention.rule());
    }

    /** The category of this key, if the register has it: how an outcome mail names what it kept and why. */
    public java.util.Optional<Category> category(String key) {
        return categories.stream().filter(category -> category.key().equals(key)).findFirst();
    }
}
