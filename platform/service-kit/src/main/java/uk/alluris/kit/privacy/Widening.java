package uk.alluris.kit.privacy;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;
import uk.alluris.events.SubjectIdentifiers;

/**
 * The one widening rule: a privacy request reaches the person by every identifier the service links to them, not only
 * those the request named. The request's identifiers come first, then every record found under them adds its own
 * subject id and blind indexes (a request naming the email also reaches the phone the person gave, and whatever is
 * filed under their record's id); nulls are dropped, repeats kept once.
 */
public final class Widening {

    private Widening() {
    }

    /**
     * @param found the records the service found under the request's identifiers
     * @param subjectId a record's subject id (the id other records are filed under), or null
     */
    public static <R> SubjectIdentifiers widen(SubjectIdentifiers request, Collection<R> found,
            Function<R, String> subjectId, Function<R, ContactDetails> contact) {
        return widen(request, found, subjectId, record -> contact.apply(record).emailIndex(),
                record -> contact.apply(record).phoneIndex());
    }

    /** The same rule for records that keep bare blind indexes rather than {@link ContactDetails} (a ledger entry). */
    public static <R> SubjectIdentifiers widen(SubjectIdentifiers request, Collection<R> found,
            Function<R, String> subjectId, Function<R, String> emailIndex, Function<R, String> phoneIndex) {
        return new SubjectIdentifiers(union(request.subjectIds(), found.stream().map(subjectId)),
                union(request.emailIndexes(), found.stream().map(emailIndex)),
                union(request.phoneIndexes(), found.stream().map(phoneIndex)));
    }

    private static List<String> union(List<String> given, Stream<String> held) {
        return Stream.concat(given.stream(), held).filter(Objects::nonNull).distinct().toList();
    }
}
