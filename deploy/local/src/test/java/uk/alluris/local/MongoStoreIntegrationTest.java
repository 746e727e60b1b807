package uk.alluris.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MongoStoreIntegrationTest {

    @TempDir
    Path data;

    @Test
    void whatIsWrittenIsThereAfterARestart() throws Exception {
        Path file = data.resolve("mongo/alluris.mv");
        MongoServer first = MongoStore.start(file, 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + first.getLocalAddress().getPort())) {
            client.getDatabase("booking").getCollection("clients").insertOne(new Document("_id", "c-1").append("n", 1));
        }
        first.shutdown();

        MongoServer second = MongoStore.start(file, 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + second.getLocalAddress().getPort())) {
            Document found = client.getDatabase("booking").getCollection("clients").find(new Document("_id", "c-1")).first();
            assertThat(found).isNotNull();
            assertThat(found.getInteger("n")).isEqualTo(1);
        } finally {
            second.shutdown();
        }
    }
}
