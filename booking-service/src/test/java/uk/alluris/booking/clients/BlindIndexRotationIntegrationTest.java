package uk.alluris.booking.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import uk.alluris.kit.identity.BlindIndexProperties;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.kit.reindex.BlindIndexRotation;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

/**
 * Rotating the blind-index secret (docs/kafka-and-keys.md): after the kit's re-indexing a client is found by the new
 * secret's index and no longer by the old, a second run changes nothing, and a bare index is translated. The test
 * rotates the whole database back afterwards, so the context's other tests keep finding their data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesEmbeddedInfrastructure
class BlindIndexRotationIntegrationTest {

    private static final String PROBES = "rotation_probes";

    @Autowired
    BlindIndexer indexer;
    @Autowired
    Clients clients;
    @Autowired
    MongoTemplate mongo;

    private final BlindIndexer rotated = new BlindIndexer(new BlindIndexProperties(
            "a-new-blind-index-secret-of-32-or-more-characters-" + UUID.randomUUID(), "GB"));

    @Test
    void afterRotationAClientIsFoundByTheNewSecretsIndexNotTheOldAndASecondRunChangesNothing() {
        String email = "rotation-" + UUID.randomUUID() + "@example.com";
        String phone = "+4479112" + String.format("%05d", (int) (Math.random() * 100_000));
        clients.save(Client.register("Ada Rotation", email, indexer.normalisePhone(phone), LocalDate.of(1990, 1, 2),
                indexer.email(email), indexer.phone(phone), false, Instant.now()));
        String unknown = indexer.email("nobody-" + UUID.randomUUID() + "@example.com");
        mongo.insert(new Document("_id", UUID.randomUUID().toString()).append("subjectEmailIndex", indexer.email(email)), PROBES);
        mongo.insert(new Document("_id", UUID.randomUUID().toString()).append("subjectEmailIndex", unknown), PROBES);
        List<String> bare = List.of(PROBES + ".subjectEmailIndex");

        BlindIndexRotation.Report first = new BlindIndexRotation(mongo, indexer, rotated, bare).rotate();
        try {
            assertThat(clients.findByEmailIndex(rotated.email(email))).hasSize(1);
            assertThat(clients.findByPhoneIndex(rotated.phone(phone))).hasSize(1);
            assertThat(clients.findByEmailIndex(indexer.email(email))).isEmpty();
            assertThat(clients.findByPhoneIndex(indexer.phone(phone))).isEmpty();
            assertThat(first.reindexed()).isGreaterThanOrEqualTo(2);
            assertThat(first.translated()).isGreaterThanOrEqualTo(1);
            assertThat(first.untranslatable()).isGreaterThanOrEqualTo(1);
            assertThat(mongo.getCollection(PROBES).countDocuments(new Document("subjectEmailIndex", rotated.email(email))))
                    .isEqualTo(1);

            BlindIndexRotation.Report again = new BlindIndexRotation(mongo, indexer, rotated, bare).rotate();

            assertThat(again.reindexed()).isZero();
            assertThat(again.translated()).isZero();
            assertThat(again.current()).isGreaterThanOrEqualTo(first.reindexed());
        } finally {
            new BlindIndexRotation(mongo, rotated, indexer, bare).rotate();
        }
        assertThat(clients.findByEmailIndex(indexer.email(email))).hasSize(1);
    }
}
