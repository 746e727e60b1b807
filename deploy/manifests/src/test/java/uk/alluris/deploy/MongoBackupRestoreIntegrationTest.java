package uk.alluris.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.KeyTemplates;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Sorts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.utility.MountableFile;

/**
 * The backup procedure of docs/operations.md ("Back up and restore MongoDB") against the image production runs: a
 * consistent dump of every database (archive, gzip, oplog) from a replica set, encrypted before it leaves the host,
 * then decrypted and restored with the oplog replayed into a fresh replica set, where the data is what it was. The
 * runbook encrypts with age; here the step is Tink's streaming AEAD, the platform's own encryption, so the test needs
 * no tool the build cannot fetch. Skipped where there is no Docker engine.
 */
@Testcontainers(disabledWithoutDocker = true)
class MongoBackupRestoreIntegrationTest {

    private static final String IMAGE = "mongo:8.0";
    private static final String ARCHIVE = "/tmp/alluris.archive.gz";
    private static final byte[] CONTEXT = "alluris mongodb backup".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path workDir;

    @Test
    void anEncryptedDumpOfEveryDatabaseRestoresIntoAFreshReplicaSetWithTheSameData() throws Exception {
        StreamingAeadConfig.register();
        StreamingAead backupKey = KeysetHandle.generateNew(KeyTemplates.get("AES256_GCM_HKDF_1MB"))
                .getPrimitive(RegistryConfiguration.get(), StreamingAead.class);
        Path encrypted = workDir.resolve("alluris.archive.gz.enc");
        List<Document> bookings;
        List<Document> records;
        try (MongoDBContainer source = new MongoDBContainer(IMAGE)) {
            source.start();
            try (MongoClient client = MongoClients.create(source.getReplicaSetUrl())) {
                client.getDatabase("booking").getCollection("appointments").insertMany(List.of(
                        new Document("_id", "a-1").append("client", "c-1").append("treatment", "consultation"),
                        new Document("_id", "a-2").append("client", "c-2").append("treatment", "peel")));
                client.getDatabase("records").getCollection("clinicalRecords")
                        .insertOne(new Document("_id", "r-1").append("client", "c-1").append("sealed", "Q2lwaGVy"));
                bookings = all(client, "booking", "appointments");
                records = all(client, "records", "clinicalRecords");
            }
            run(source, "mongodump", "--quiet", "--archive=" + ARCHIVE, "--gzip", "--oplog",
                    "--uri", "mongodb://localhost:27017/?directConnection=true");
            Path plain = workDir.resolve("dump.archive.gz");
            source.copyFileFromContainer(ARCHIVE, plain.toString());
            encrypt(backupKey, plain, encrypted);
            Files.delete(plain);
        }
        byte[] sealed = Files.readAllBytes(encrypted);
        // what leaves the host is neither the gzip archive nor readable: no gzip magic, no collection name in it
        assertThat(sealed[0] == (byte) 0x1f && sealed[1] == (byte) 0x8b).isFalse();
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("appointments", "clinicalRecords");

        try (MongoDBContainer fresh = new MongoDBContainer(IMAGE)) {
            fresh.start();
            Path decrypted = workDir.resolve("restore.archive.gz");
            decrypt(backupKey, encrypted, decrypted);
            fresh.copyFileToContainer(MountableFile.forHostPath(decrypted), ARCHIVE);
            run(fresh, "mongorestore", "--quiet", "--archive=" + ARCHIVE, "--gzip", "--oplogReplay", "--drop",
                    "--uri", "mongodb://localhost:27017/?directConnection=true");
            try (MongoClient client = MongoClients.create(fresh.getReplicaSetUrl())) {
                assertThat(all(client, "booking", "appointments")).isEqualTo(bookings);
                assertThat(all(client, "records", "clinicalRecords")).isEqualTo(records);
            }
        }
    }

    private static List<Document> all(MongoClient client, String database, String collection) {
        return client.getDatabase(database).getCollection(collection).find().sort(Sorts.ascending("_id"))
                .into(new ArrayList<>());
    }

    private static void run(MongoDBContainer container, String... command) throws IOException, InterruptedException {
        ExecResult result = container.execInContainer(command);
        assertThat(result.getExitCode()).as("%s: %s", command[0], result.getStderr()).isZero();
    }

    private static void encrypt(StreamingAead key, Path plain, Path encrypted) throws IOException, GeneralSecurityException {
        try (OutputStream out = key.newEncryptingStream(Files.newOutputStream(encrypted), CONTEXT)) {
            Files.copy(plain, out);
        }
    }

    private static void decrypt(StreamingAead key, Path encrypted, Path plain) throws IOException, GeneralSecurityException {
        try (InputStream in = key.newDecryptingStream(Files.newInputStream(encrypted), CONTEXT)) {
            Files.copy(in, plain);
        }
    }
}
