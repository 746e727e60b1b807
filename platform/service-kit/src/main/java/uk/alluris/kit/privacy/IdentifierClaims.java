package uk.alluris.kit.privacy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * The rule every service applies before a rectification changes a person's email address or phone number: a corrected
 * identifier that already identifies someone else's record is not applied. Two people must never share a blind
 * index — the next request naming it would reach both, and a correction would otherwise be a way to take over someone
 * else's identifier. The other corrections of the same request still apply.
 */
public final class IdentifierClaims {

    /**
     * The corrected indexes that may be applied (null = leave as it is) and the names of those that were not.
     *
     * @param refused {@code email} and/or {@code phone}, never the values
     */
    public record Applicable(String emailIndex, String phoneIndex, List<String> refused) {
    }

    private IdentifierClaims() {
    }

    /**
     * Keeps each corrected index unless a record outside {@code theirs} already holds it.
     *
     * @param theirs the ids of the records the request matched (the person's own)
     * @param emailHolders the ids of every record holding an email index
     * @param phoneHolders the ids of every record holding a phone index
     */
    public static <I> Applicable unclaimed(String emailIndex, String phoneIndex, Collection<I> theirs,
            Function<String, ? extends Collection<I>> emailHolders,
            Function<String, ? extends Collection<I>> phoneHolders) {
        List<String> refused = new ArrayList<>();
        if (emailIndex != null && heldByOthers(emailHolders.apply(emailIndex), theirs)) {
            emailIndex = null;
            refused.add("email");
        }
        if (phoneIndex != null && heldByOthers(phoneHolders.apply(phoneIndex), theirs)) {
            phoneIndex = null;
            refused.add("phone");
        }
        return new Applicable(emailIndex, phoneIndex, List.copyOf(refused));
    }

    private static <I> boolean heldByOthers(Collection<I> holders, Collection<I> theirs) {
        return holders.stream().anyMatch(holder -> !theirs.contains(holder));
    }
}
