package uk.alluris.consent.policy;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

interface PolicyVersions extends MongoRepository<PolicyVersion, String> {

    List<PolicyVersion> findAllByOrderByEffectiveFromDesc();

    /**
     * The version in force on {@code day}: the one that took effect last on or before it. A version published for a
     * later day is not in force yet; empty before the first one.
     */
    static Optional<PolicyVersion> inForceOn(List<PolicyVersion> versions, LocalDate day) {
        return versions.stream().filter(version -> !version.effectiveFrom.isAfter(day))
                .max(Comparator.comparing((PolicyVersion version) -> version.effectiveFrom)
                        .thenComparing(version -> version.publishedAt));
    }
}
