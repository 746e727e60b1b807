package uk.alluris.kit.privacy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.springframework.data.mongodb.core.index.Indexed;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.kit.identity.Normalisation;

/**
 * A person's email address and phone number as every aggregate holding contact data keeps them: normalised, each
 * beside its blind index, so a privacy request finds the person by index and never by plaintext. Embedded with
 * {@code @Unwrapped.Empty} on a field: the stored document keeps its top-level {@code email}, {@code emailIndex},
 * {@code phone}, {@code phoneIndex} fields and their indexes, so documents written before this value existed read
 * unchanged (docs/architecture.md, "Contact details"); the indexes are named as the field-level {@code @Indexed} named
 * them, so an existing database sees the same indexes and none is created twice. Either part may be missing.
 */
public record ContactDetails(String email, @Indexed(name = "emailIndex") String emailIndex, String phone,
        @Indexed(name = "phoneIndex") String phoneIndex) {

    /** No contact details: what an aggregate holds once they are forgotten. */
    public static final ContactDetails NONE = new ContactDetails(null, null, null, null);

    /** The corrections a rectification may apply, and the names ({@code email}, {@code phone}) of those it may not. */
    public record Claimed(ContactDetails applicable, List<String> refused) {
    }

    /**
     * From what a person or a form gave (null or blank = not given): normalised and indexed. An address or number the
     * platform cannot normalise throws {@code InvalidEmailAddress} / {@code InvalidPhoneNumber}.
     */
    public static ContactDetails of(String rawEmail, String rawPhone, BlindIndexer indexer) {
        return indexed(blank(rawEmail) ? null : Normalisation.email(rawEmail),
                blank(rawPhone) ? null : indexer.normalisePhone(rawPhone), indexer);
    }

    /**
     * What a rectification asks of the contact details, normalised and indexed (null = not corrected). A value that
     * cannot be normalised, a blank one included, fails the whole request before anything is written.
     */
    public static ContactDetails requestedBy(Corrections corrections, BlindIndexer indexer) {
        return indexed(corrections.email() == null ? null : Normalisation.email(corrections.email()),
                corrections.phone() == null ? null : indexer.normalisePhone(corrections.phone()), indexer);
    }

    private static ContactDetails indexed(String email, String phone, BlindIndexer indexer) {
        return new ContactDetails(email, email == null ? null : indexer.email(email), phone,
                phone == null ? null : indexer.phone(phone));
    }

    /**
     * The rule every aggregate follows when corrected: each corrected value (null = unchanged) replaces the one held,
     * with its blind index.
     */
    public ContactDetails corrected(ContactDetails correction) {
        boolean newEmail = correction.email() != null && !correction.email().equals(email);
        boolean newPhone = correction.phone() != null && !correction.phone().equals(phone);
        return new ContactDetails(newEmail ? correction.email() : email, newEmail ? correction.emailIndex() : emailIndex,
                newPhone ? correction.phone() : phone, newPhone ? correction.phoneIndex() : phoneIndex);
    }

    /**
     * This correction without the identifiers that already belong to someone else's record ({@link IdentifierClaims}):
     * two people must never share a blind index.
     *
     * @param theirs the ids of the records the request matched (the person's own)
     */
    public <I> Claimed unclaimed(Collection<I> theirs, Function<String, ? extends Collection<I>> emailHolders,
            Function<String, ? extends Collection<I>> phoneHolders) {
        IdentifierClaims.Applicable applicable = IdentifierClaims.unclaimed(emailIndex, phoneIndex, theirs, emailHolders,
                phoneHolders);
        return new Claimed(new ContactDetails(applicable.emailIndex() == null ? null : email, applicable.emailIndex(),
                applicable.phoneIndex() == null ? null : phone, applicable.phoneIndex()), applicable.refused());
    }

    /** An address learnt later fills a gap; one already held stays. */
    public ContactDetails fillingIn(ContactDetails learnt) {
        return new ContactDetails(email == null ? learnt.email() : email, email == null ? learnt.emailIndex() : emailIndex,
                phone == null ? learnt.phone() : phone, phone == null ? learnt.phoneIndex() : phoneIndex);
    }

    public boolean isEmpty() {
        return email == null && emailIndex == null && phone == null && phoneIndex == null;
    }

    /** The email blind index, as a list of none or one. */
    public List<String> emailIndexes() {
        return emailIndex == null ? List.of() : List.of(emailIndex);
    }

    /** The phone blind index, as a list of none or one. */
    public List<String> phoneIndexes() {
        return phoneIndex == null ? List.of() : List.of(phoneIndex);
    }

    /** Plaintext never appears in logs or exceptions: only which parts are held. */
    @Override
    public String toString() {
        List<String> held = new ArrayList<>();
        if (email != null) {
            held.add("email");
        }
        if (phone != null) {
            held.add("phone");
        }
        return "ContactDetails" + held;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
