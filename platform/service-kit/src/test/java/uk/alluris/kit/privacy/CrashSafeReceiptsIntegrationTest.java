package uk.alluris.kit.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.bson.Document;
import org.bson.UuidRepresentation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.messaging.Message;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.events.ErasureRequested;
import uk.alluris.events.Outcome;
import uk.alluris.events.SubjectIdentifiers;
import uk.alluris.events.PrivacyRequestEvent;
import uk.alluris.kit.messaging.CloudEvents;
import uk.alluris.kit.inbox.ProcessedMessages;
import uk.alluris.kit.outbox.OutboxMessage;

/**
 * The service dies at every point of an erasure in turn — after each journalled plan, between two deletes, after the
 * actions, after the receipt was saved — and the message is delivered again: the receipt it finally keeps counts what
 * the person had, never the remainder the second run found. A real store (mongo-java-server), no Spring.
 */
class CrashSafeReceiptsIntegrationTest {

    private static final List<CategoryOutcome> EVERYTHING_THERE = List.of(
            CategoryOutcome.of("letters", Outcome.ERASED, 3), CategoryOutcome.of("notes", Outcome.ERASED, 2));
    private static final int CLEAN_RUN_POINTS = cleanRunPoints();

    private static MongoServer server;
    private static MongoClient client;

    @BeforeAll
    static void store() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = connect(address);
    }

    @AfterAll
    static void closeStore() {
        client.close();
        server.shutdownNow();
    }

    static IntStream crashPoints() {
        return IntStream.rangeClosed(1, CLEAN_RUN_POINTS);
    }

    @ParameterizedTest(name = "dies at point {0} of a clean run, then the message comes again")
    @MethodSource("crashPoints")
    void theReceiptAfterACrashAndRedeliveryCountsWhatThePersonHad(int crashAt) {
        Shelf shelf = new Shelf(new MongoTemplate(client, "crash-" + UUID.randomUUID()));
        String person = shelf.holdingThreeLettersAndTwoNotes();
        Message<byte[]> request = erasureOf(person);
        AtomicInteger reached = new AtomicInteger();
        shelf.effects.onCheckpoint(point -> {
            if (reached.incrementAndGet() == crashAt) {
                throw new IllegalStateException("killed at " + point);
            }
        });

        assertThatThrownBy(() -> shelf.on(request)).hasMessageStartingWith("killed at");
        shelf.effects.onCheckpoint(null);
        shelf.on(request);

        List<IssuedReceipt> receipts = shelf.mongo.findAll(IssuedReceipt.class);
        assertThat(receipts).singleElement().satisfies(receipt ->
                assertThat(receipt.categories()).isEqualTo(EVERYTHING_THERE));
        assertThat(shelf.mongo.count(new Query(), "letters")).isZero();
        assertThat(shelf.mongo.count(new Query(where("owner").is(person)), "notes")).isZero();
        assertThat(shelf.mongo.count(new Query(), PrivacyEffects.COLLECTION)).isZero();
    }

    /** How many points a run that does not crash passes: each is a place the service can die. */
    private static int cleanRunPoints() {
        MongoServer clean = new MongoServer(new MemoryBackend());
        try {
            try (MongoClient cleanClient = connect(clean.bind())) {
                Shelf shelf = new Shelf(new MongoTemplate(cleanClient, "clean"));
                List<String> points = new ArrayList<>();
                shelf.effects.onCheckpoint(points::add);
                shelf.on(erasureOf(shelf.holdingThreeLettersAndTwoNotes()));
                assertThat(shelf.mongo.findAll(IssuedReceipt.class).get(0).categories()).isEqualTo(EVERYTHING_THERE);
                assertThat(points).contains("planned letters", "deleted a letter", "planned notes", "acted",
                        "receipt saved");
                return points.size();
            }
        } finally {
            clean.shutdownNow();
        }
    }

    private static MongoClient connect(InetSocketAddress address) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + address.getPort()))
                .uuidRepresentation(UuidRepresentation.STANDARD).build());
    }

    private static Message<byte[]> erasureOf(String person) {
        ErasureRequested request = new ErasureRequested(UUID.randomUUID(), UUID.randomUUID(),
                new SubjectIdentifiers(List.of(person), List.of(), List.of()), LocalDate.now().plusDays(30),
                Instant.now());
        return OutboxMessage.of(request).toMessage("/alluris/crash-test");
    }

    /**
     * A service holding letters (deleted on erasure) and notes (kept without the owner's identity), written as the
     * services' features are: find, journal the plan, then act.
     */
    private static final class Shelf implements PrivacyActions {

        final MongoTemplate mongo;
        final PrivacyEffects effects;
        final PrivacyRequestIntake intake;
        final ProcessedMessages processed;

        Shelf(MongoTemplate mongo) {
            this.mongo = mongo;
            this.effects = new PrivacyEffects(mongo, Clock.systemUTC());
            this.processed = new ProcessedMessages(mongo);
            this.intake = new PrivacyRequestIntake(this, mongo, "crash-test", Clock.systemUTC(),
                    new TransportSeal("crash-test-platform-secret-of-32-characters-or-more"), effects);
        }

        /** As the kit's typed consumer hands a privacy request over: once per message id, recorded after it ran. */
        void on(Message<byte[]> message) {
            processed.handleOnce("crash-test/privacyRequests", message,
                    () -> intake.answer((PrivacyRequestEvent) CloudEvents.read(message)));
        }

        String holdingThreeLettersAndTwoNotes() {
            String person = UUID.randomUUID().toString();
            for (int i = 0; i < 3; i++) {
                mongo.insert(new Document("_id", UUID.randomUUID().toString()).append("owner", person), "letters");
            }
            for (int i = 0; i < 2; i++) {
                mongo.insert(new Document("_id", UUID.randomUUID().toString()).append("owner", person), "notes");
            }
            return person;
        }

        @Override
        public List<CategoryOutcome> erase(SubjectIdentifiers subject) {
            Query owned = new Query(where("owner").in(subject.subjectIds()));
            List<Object> letters = mongo.find(owned, Document.class, "letters").stream().map(d -> d.get("_id")).toList();
            int lettersErased = effects.planned("letters", letters);
            for (Object letter : letters) {
                mongo.remove(new Query(where("_id").is(letter)), "letters");
                effects.reached("deleted a letter");
            }
            List<Object> notes = mongo.find(owned, Document.class, "notes").stream().map(d -> d.get("_id")).toList();
            int notesAnonymised = effects.planned("notes", notes);
            mongo.updateMulti(new Query(where("_id").in(notes)), new Update().unset("owner"), "notes");
            return List.of(CategoryOutcome.counted("letters", Outcome.ERASED, lettersErased),
                    CategoryOutcome.counted("notes", Outcome.ERASED, notesAnonymised));
        }

        @Override
        public List<CategoryOutcome> restrict(SubjectIdentifiers subject) {
            throw new UnsupportedOperationException("only erasure is exercised here");
        }

        @Override
        public List<CategoryOutcome> liftRestriction(SubjectIdentifiers subject) {
            throw new UnsupportedOperationException("only erasure is exercised here");
        }

        @Override
        public List<CategoryOutcome> objectToMarketing(SubjectIdentifiers subject) {
            throw new UnsupportedOperationException("only erasure is exercised here");
        }

        @Override
        public PersonalDataExport export(SubjectIdentifiers subject) {
            throw new UnsupportedOperationException("only erasure is exercised here");
        }

        @Override
        public List<CategoryOutcome> rectify(SubjectIdentifiers subject, Corrections corrections) {
            throw new UnsupportedOperationException("only erasure is exercised here");
        }
    }
}
