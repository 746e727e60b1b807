package uk.alluris.events;

import java.util.List;
import java.util.Objects;

/**
 * Everything a requester verified about a person, as subject ids and blind indexes (never plaintext).
 * Each service acts on every record that matches any of them.
 */
public record SubjectIdentifiers(List<String> subjectIds, List<String> emailIndexes, List<String> phoneIndexes) {

    public SubjectIdentifiers {
        subjectIds = List.copyOf(Objects.requireNonNullElse(subjectIds, List.of()));
        emailIndexes = List.copyOf(Objects.requireNonNullElse(emailIndexes, List.of()));
        phoneIndexes = List.copyOf(Objects.requireNonNullElse(phoneIndexes, List.of()));
        if (subjectIds.isEmpty() && emailIndexes.isEmpty() && phoneIndexes.isEmpty()) {
            throw new IllegalArgumentException("a subject needs at least one identifier");
        }
    }

    /** The subject ids that are UUIDs (as the services that mint ids make them); any other is not theirs. */
    public List<java.util.UUID> subjectUuids() {
        return subjectIds.stream().flatMap(id -> {
            try {
                return java.util.stream.Stream.of(java.util.UUID.fromString(id));
            } catch (IllegalArgumentException notAUuid) {
                return java.util.stream.Stream.empty();
            }
        }).toList();
    }

    /** The first email index, else the first subject id, else the first phone index. */
    public String partitionKey() {
        if (!emailIndexes.isEmpty()) {
            return emailIndexes.get(0);
        }
        return !subjectIds.isEmpty() ? subjectIds.get(0) : phoneIndexes.get(0);
    }
}
