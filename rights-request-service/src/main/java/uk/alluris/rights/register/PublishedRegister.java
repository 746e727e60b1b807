package uk.alluris.rights.register;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import uk.alluris.kit.register.ProcessingRegister;
import uk.alluris.kit.register.RegisterNotices;

/**
 * The register of processing as the public reads it ({@code GET /api/privacy/register}), and as the access bundle and
 * the portal render it: every entry of the kit's {@link ProcessingRegister} and {@link RegisterNotices}, each coded
 * value beside its plain words ({@code says}). Built once from configuration; holds no personal data.
 */
@Schema(name = "Register", description = "The clinic's register of processing (UK GDPR Art. 30) and what it tells the"
        + " people it is about (Art. 13-15)")
public record PublishedRegister(
        @Schema(description = "Who decides how the data is used: the clinic's name and address",
                example = "Dr Alluris Aesthetics Ltd, 3rd Floor, 45 Albemarle Street, London W1S 4JL") String controller,
        @Schema(description = "Where to write about personal data", example = "info@drallurisaesthetics.co.uk")
        String contact,
        @Schema(description = "Why the clinic processes personal data, one entry per purpose",
                example = "[{\"key\": \"payments\", \"legalBasis\": \"LEGAL_OBLIGATION\"}]") List<Purpose> purposes,
        @Schema(description = "The categories of personal data held, with where and how long",
                example = "[{\"key\": \"appointments\", \"heldBy\": \"booking-service\"}]")
        List<Category> categories,
        @Schema(description = "Who receives personal data from the clinic",
                example = "[{\"key\": \"authorities\", \"role\": \"AUTHORITY\"}]") List<Recipient> recipients,
        @Schema(description = "Transfers outside the UK, with their safeguards",
                example = "[{\"recipient\": \"email-platform\", \"destination\": \"European Economic Area\"}]")
        List<Transfer> transfers,
        @Schema(description = "Where the data comes from, in plain words",
                example = "[\"Directly from you (website forms, chat, email, phone or WhatsApp, and consultations).\"]")
        List<String> sources,
        @Schema(description = "The rights people have over their data",
                example = "[{\"key\": \"access\", \"name\": \"Access\"}]") List<Right> rights,
        Complaints complaints) {

    @Schema(name = "RegisterPurpose", description = "A purpose of processing")
    public record Purpose(@Schema(description = "The purpose's key", example = "payments") String key,
            @Schema(description = "The purpose in plain words",
                    example = "Process payments and deposits and manage refunds and cancellations.") String description,
            @Schema(description = "Its legal basis: " + "CONTRACT, LEGAL_OBLIGATION, LEGITIMATE_INTERESTS, CONSENT, VITAL_INTERESTS or PUBLIC_TASK", example = "LEGAL_OBLIGATION")
            String legalBasis,
            @Schema(description = "The legal basis in plain words",
                    example = "Legal obligation: the law requires us to process or keep it") String legalBasisSays,
            @Schema(description = "The keys of the data categories it uses", example = "[\"payments\"]")
            List<String> categories) {
    }

    @Schema(name = "RegisterCategory", description = "A category of personal data the clinic holds")
    public record Category(@Schema(description = "The category's key", example = "appointments") String key,
            @Schema(description = "The category in plain words", example = "Appointment details") String name,
            @Schema(description = "The service that holds it", example = "booking-service") String heldBy,
            @Schema(description = "Its legal basis: " + "CONTRACT, LEGAL_OBLIGATION, LEGITIMATE_INTERESTS, CONSENT, VITAL_INTERESTS or PUBLIC_TASK", example = "CONTRACT")
            String legalBasis,
            @Schema(description = "The legal basis in plain words",
                    example = "Contract: to provide the services you ask for") String legalBasisSays,
            @Schema(description = "Whether it is special category data (UK GDPR Art. 9), such as health",
                    example = "false") boolean special,
            Retention retention) {
    }

    /** {@code period} (ISO-8601) after {@code startsAt}; {@code says} words both, {@code rule} any refinement. */
    @Schema(name = "RegisterRetention", description = "How long a category is kept")
    public record Retention(@Schema(description = "How long, as an ISO 8601 period", example = "P3Y") String period,
            @Schema(description = "What the period runs from: CREATION, LAST_ACTIVITY, LAST_ENTRY,"
                    + " END_OF_FINANCIAL_YEAR, WITHDRAWAL or COMPLETION", example = "LAST_ACTIVITY") String startsAt,
            @Schema(description = "Both in plain words",
                    example = "3 years after your last appointment or other activity with us") String says,
            @Schema(description = "Why it is kept that long",
                    example = "Kept with the client's profile; past appointments stay without identity when the profile"
                            + " is erased.") String ground,
            @Schema(description = "Any refinement of the period; null when there is none",
                    example = "Never ended by the retention job; removing an entry would let the person be mailed"
                            + " again.") String rule) {
    }

    @Schema(name = "RegisterRecipient", description = "Someone who receives personal data from the clinic")
    public record Recipient(@Schema(description = "The recipient's key", example = "authorities") String key,
            @Schema(description = "Who they are", example = "Regulators, insurers and law enforcement") String name,
            @Schema(description = "Their role: PROCESSOR, INDEPENDENT_CONTROLLER or AUTHORITY", example = "AUTHORITY")
            String role,
            @Schema(description = "The role in plain words",
                    example = "Authority: only where the law requires it or to protect legal rights") String roleSays,
            @Schema(description = "Why they receive it", example = "Where required by law or necessary to protect"
                    + " legal rights; each disclosure is logged.") String purpose,
            @Schema(description = "The keys of the data categories they may receive",
                    example = "[\"client-profiles\", \"payments\"]") List<String> categories) {
    }

    @Schema(name = "RegisterTransfer", description = "A transfer of personal data outside the UK")
    public record Transfer(@Schema(description = "The recipient's key", example = "email-platform") String recipient,
            @Schema(description = "The recipient's name", example = "Email delivery and CRM platform")
            String recipientName,
            @Schema(description = "Where the data goes", example = "European Economic Area") String destination,
            @Schema(description = "What protects it there",
                    example = "UK adequacy regulations for the EEA (Data Protection Act 2018, Schedule 21)")
            String safeguard) {
    }

    @Schema(name = "RegisterRight", description = "A right people have over their data")
    public record Right(@Schema(description = "The right's key", example = "access") String key,
            @Schema(description = "Its name", example = "Access") String name,
            @Schema(description = "What it lets a person do",
                    example = "Ask for a copy of the personal data we hold about you, with this information.")
            String description) {
    }

    @Schema(name = "RegisterComplaints", description = "Where to complain about how the clinic uses personal data")
    public record Complaints(@Schema(description = "The supervisory authority",
            example = "Information Commissioner's Office (ICO)") String name,
            @Schema(description = "Its complaints page", example = "ico.org.uk/make-a-complaint") String website,
            @Schema(description = "Its helpline", example = "0303 123 1113") String phone,
            @Schema(description = "Its postal address", example = "Information Commissioner's Office, Wycliffe House,"
                    + " Water Lane, Wilmslow, Cheshire SK9 5AF") String address) {
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
