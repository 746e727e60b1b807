package uk.alluris.rights.disclosures;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.mongodb.repository.MongoRepository;

interface Disclosures extends MongoRepository<Disclosure, UUID> {

    List<Disclosure> findByEmailIndex(String emailIndex);

    List<Disclosure> findByPhoneIndex(String phoneIndex);

    List<Disclosure> findAllByOrderByDisclosedOnDescRecordedAtDesc();

    /** Every disclosure about the person any of these blind indexes names (either may be null), newest first. */
    default List<Disclosure> about(String emailIndex, String phoneIndex) {
        Map<UUID, Disclosure> found = new LinkedHashMap<>();
        if (emailIndex != null) {
            findByEmailIndex(emailIndex).forEach(disclosure -> found.put(disclosure.id, disclosure));
        }
        if (phoneIndex != null) {
            findByPhoneIndex(phoneIndex).forEach(disclosure -> found.put(disclosure.id, disclosure));
        }
        return found.values().stream().sorted(Comparator.comparing((Disclosure d) -> d.disclosedOn).reversed()
                .thenComparing(d -> d.recordedAt, Comparator.reverseOrder())).toList();
    }
}
