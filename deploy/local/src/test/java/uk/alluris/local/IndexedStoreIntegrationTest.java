package uk.alluris.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store answers look-ups by a declared secondary index exactly as a scan would (the index only narrows
 * what is read), keeps answering after updates, deletes and a restart, and counts through it.
 */
class IndexedStoreIntegrationTest {

    @TempDir
    Path data;

    @Test
    void lookUpsByIndexedFieldsFindExactlyWhatAScanFindsAfterInsertsUpdatesDeletesAndARestart() throws Exception {
        Path file = data.resolve("mongo/alluris.mv");
        MongoServer first = MongoStore.start(file, 0);
        try (MongoClient client = client(first)) {
            MongoCollection<Document> people = client.getDatabase("booking").getCollection("clients");
            people.createIndex(Indexes.ascending("contact.emailIndex"), new IndexOptions().name("emailIndex"));
            people.createIndex(Indexes.ascending("subjectIds"), new IndexOptions().name("subjectIds"));
            for (int i = 0; i < 40; i++) {
                people.insertOne(new Document("_id", "c-" + i).append("contact", new Document("emailIndex", "e" + i % 10))
                        .append("subjectIds", List.of("s" + i, "shared")).append("restricted", i % 2 == 0)
                        .append("n", i));
            }
            people.updateOne(Filters.eq("_id", "c-3"), Updates.set("contact.emailIndex", "moved"));
            people.deleteOne(Filters.eq("_id", "c-13"));
            assertSameAsScan(people);
            assertThat(ids(people, Filters.eq("contact.emailIndex", "moved"))).containsExactly("c-3");
            assertThat(ids(people, Filters.eq("contact.emailIndex", "e3"))).containsExactly("c-23", "c-33");
        }
        first.shutdown();

        MongoServer second = MongoStore.start(file, 0);
        try (MongoClient client = client(second)) {
            MongoCollection<Document> people = client.getDatabase("booking").getCollection("clients");
            assertSameAsScan(people);
            assertThat(ids(people, Filters.eq("contact.emailIndex", "e3"))).containsExactly("c-23", "c-33");
        } finally {
            second.shutdown();
        }
    }

    /** Every indexed query shape the services send, against the same documents read one by one. */
    private static void assertSameAsScan(MongoCollection<Document> people) {
        List<Bson> queries = List.of(Filters.eq("contact.emailIndex", "e3"),
                Filters.in("contact.emailIndex", "e1", "e2", "nobody"),
                Filters.and(Filters.eq("contact.emailIndex", "e4"), Filters.eq("restricted", true)),
                Filters.eq("subjectIds", "s7"), Filters.in("subjectIds", "s5", "s13", "s21"),
                Filters.eq("subjectIds", "shared"),
                Filters.or(Filters.in("subjectIds", "s9"), Filters.in("contact.emailIndex", "e2")),
                Filters.or(Filters.eq("subjectIds", "s1"), Filters.eq("n", 30)),
                Filters.eq("contact.emailIndex", "nobody"),
                // a versioned save's selector: the _id index answers, the version is checked on what it names
                new Document("_id", "c-5").append("n", 5), new Document("_id", "c-5").append("n", 6),
                new Document("_id", new Document("$in", List.of("c-1", "c-2"))).append("restricted", true));
        List<Document> all = people.find().into(new ArrayList<>());
        for (Bson query : queries) {
            List<String> scanned = new ArrayList<>();
            for (Document document : all) {
                if (people.countDocuments(Filters.and(Filters.eq("_id", document.get("_id")), query)) == 1) {
                    scanned.add(document.getString("_id"));
                }
            }
            assertThat(ids(people, query)).as(query.toString()).containsExactlyInAnyOrderElementsOf(scanned);
            assertThat(people.countDocuments(query)).as("count " + query).isEqualTo(scanned.size());
        }
    }

    private static List<String> ids(MongoCollection<Document> people, Bson query) {
        List<String> ids = new ArrayList<>();
        people.find(query).forEach(document -> ids.add(document.getString("_id")));
        return ids;
    }

    private static MongoClient client(MongoServer server) {
        return MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
    }
}
