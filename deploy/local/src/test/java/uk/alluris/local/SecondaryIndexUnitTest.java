package uk.alluris.local;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecondaryIndexUnitTest {

    private final SecondaryIndex<Object> byEmail = new SecondaryIndex<>("emailIndex",
            List.of(new IndexKey("contact.emailIndex", true)), false);

    @Test
    void aLookUpNamesOnlyTheDocumentsWithThatValueHoweverManyOthersThereAre() {
        for (int i = 0; i < 1000; i++) {
            byEmail.add(person("c-" + i, "e" + i), "c-" + i, null);
        }
        byEmail.add(person("c-twin", "e500"), "c-twin", null);

        assertThat(byEmail.getPositions(new Document("contact.emailIndex", "e500"))).containsExactly("c-500", "c-twin");
        assertThat(byEmail.getPositions(new Document("contact.emailIndex", new Document("$in", List.of("e1", "e2")))))
                .containsExactly("c-1", "c-2");
    }

    @Test
    void anUpdatedOrRemovedDocumentIsFoundUnderItsNewValueOnly() {
        Document before = person("c-1", "old");
        byEmail.add(before, "c-1", null);
        byEmail.updateInPlace(before, person("c-1", "new"), "c-1", null);
        assertThat(byEmail.getPositions(new Document("contact.emailIndex", "old"))).isEmpty();
        assertThat(byEmail.getPositions(new Document("contact.emailIndex", "new"))).containsExactly("c-1");

        assertThat(byEmail.remove(person("c-1", "new"))).isEqualTo("c-1");
        assertThat(byEmail.getPositions(new Document("contact.emailIndex", "new"))).isEmpty();
    }

    @Test
    void itAnswersEqualityAndInOnItsKeysAndLeavesRangesRegexesAndOtherFieldsToAScan() {
        assertThat(byEmail.canHandle(new Document("contact.emailIndex", "e1").append("restricted", true))).isTrue();
        assertThat(byEmail.canHandle(new Document("contact.emailIndex", new Document("$in", List.of("a", "b")))))
                .isTrue();
        assertThat(byEmail.canHandle(new Document("contact.emailIndex", new Document("$gt", "a")))).isFalse();
        assertThat(byEmail.canHandle(new Document("contact.emailIndex", new Document("$regex", "^a")))).isFalse();
        assertThat(byEmail.canHandle(new Document("contact.emailIndex", null))).isFalse();
        assertThat(byEmail.canHandle(new Document("restricted", true))).isFalse();
    }

    private static Document person(String id, String emailIndex) {
        return new Document("_id", id).append("contact", new Document("emailIndex", emailIndex));
    }
}
