package uk.alluris.marketing.subscribers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import uk.alluris.events.SubjectIdentifiers;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.kit.privacy.ContactDetails;
import uk.alluris.kit.privacy.Restrictions;
import uk.alluris.marketing.suppression.SuppressionEntry;
import uk.alluris.marketing.suppression.SuppressionList;
import uk.alluris.testsupport.ServiceCalls.Answer;
import uk.alluris.testsupport.ServiceCalls;
import uk.alluris.testsupport.TestTokens;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

/** The subscribers API over HTTP: adding, merging, finding, refusing bad input, suppressed and restricted people. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesEmbeddedInfrastructure
class SubscriberApiIntegrationTest {

    private static final String SUBSCRIBERS = "/api/marketing/subscribers";

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    BlindIndexer indexer;
    @Autowired
    SuppressionList suppression;
    @Autowired
    Restrictions restrictions;
    @Autowired
    Subscribers subscribers;

    private final String admin = TestTokens.get().staff("ADMIN");

    @Test
    void aSubscriberStoredBeforeContactDetailsWereEmbeddedIsReadFoundAndWrittenBackInTheSameShape() {
        UUID id = UUID.randomUUID();
        String email = "old-shape-" + id + "@example.com";
        String phone = "+447911123499";
        // the document as marketing wrote it before ContactDetails: the four fields at the top level
        mongo.insert(new Document("_id", id).append("email", email).append("phone", phone)
                .append("fullName", "Olive Shape").append("emailIndex", indexer.email(email))
                .append("phoneIndex", indexer.phone(phone)).append("lists", List.of("newsletter"))
                .append("source", "website").append("subscribedAt", Instant.now()), "subscribers");

        Subscriber read = subscribers.findById(id).orElseThrow();
        assertThat(read.contact).isEqualTo(new ContactDetails(email, indexer.email(email), phone, indexer.phone(phone)));
        assertThat(subscribers.findByEmailIndex(indexer.email(email))).extracting(Subscriber::id).containsExactly(id);
        assertThat(subscribers.findMatching(List.of(), List.of(), List.of(indexer.phone(phone))))
                .extracting(Subscriber::id).containsExactly(id);
        subscribers.save(read);
        Document stored = mongo.getCollection("subscribers").find(new Document("emailIndex", indexer.email(email)))
                .first();
        assertThat(stored).containsEntry("email", email).containsEntry("phone", phone)
                .containsEntry("phoneIndex", indexer.phone(phone)).doesNotContainKey("contact");
        // the same indexes, under the same names, as the field-level @Indexed created: none is created twice
        assertThat(mongo.getCollection("subscribers").listIndexes().into(new ArrayList<>()))
                .extracting(index -> index.get("key", Document.class).keySet() + " " + index.getString("name"))
                .contains("[emailIndex] emailIndex", "[phoneIndex] phoneIndex");
    }

    @Test
    void aSubscriberIsAddedFoundByEmailAndSubscribingAgainMergesLists() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "sub-" + UUID.randomUUID() + "@example.com";

        Answer first = calls.post(SUBSCRIBERS, """
                {"email":"%s","phone":"07911 123456","fullName":"Sam Reed","lists":["newsletter"],"source":"website"}
                """.formatted(email.toUpperCase()), admin);
        Answer again = calls.post(SUBSCRIBERS, """
                {"email":"%s","lists":["offers","newsletter"],"source":"clinic"}
                """.formatted(email), admin);

        assertThat(first.status()).as(first.text()).isEqualTo(201);
        JsonNode created = first.json();
        assertThat(UUID.fromString(created.path("id").asString())).isNotNull();
        assertThat(created.path("email").asString()).isEqualTo(email);
        assertThat(created.path("phone").asString()).isEqualTo("+447911123456");
        assertThat(created.path("fullName").asString()).isEqualTo("Sam Reed");
        assertThat(created.path("source").asString()).isEqualTo("website");
        assertThat(Instant.parse(created.path("subscribedAt").asString())).isBeforeOrEqualTo(Instant.now());
        assertThat(created.path("restricted").asBoolean()).isFalse();
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().path("id").asString()).isEqualTo(created.path("id").asString());
        assertThat(calls.get(SUBSCRIBERS + "/" + created.path("id").asString(), admin).json().path("lists"))
                .extracting(JsonNode::asString).containsExactly("newsletter", "offers");
        Answer found = calls.get(SUBSCRIBERS + "?email=" + email.toUpperCase(), admin);
        assertThat(found.json()).hasSize(1);
        assertThat(found.json().get(0).path("id").asString()).isEqualTo(created.path("id").asString());
        assertThat(calls.get(SUBSCRIBERS + "?email=nobody-" + UUID.randomUUID() + "@example.com", admin).json()).isEmpty();
    }

    @Test
    void theStoredSubscriberKeepsBlindIndexesOfTheNormalisedEmailAndPhone() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "stored-" + UUID.randomUUID() + "@example.com";

        String id = calls.post(SUBSCRIBERS, """
                {"email":"%s","phone":"+44 7911 123450","lists":["newsletter"],"source":"website"}
                """.formatted(email.toUpperCase()), admin).json().path("id").asString();

        Subscriber stored = mongo.findById(UUID.fromString(id), Subscriber.class);
        assertThat(stored.email()).isEqualTo(email);
        assertThat(stored.emailIndex()).isEqualTo(indexer.email(email));
        assertThat(stored.phone()).isEqualTo("+447911123450");
        assertThat(stored.phoneIndex()).isEqualTo(indexer.phone("07911 123450"));
    }

    @Test
    void badInputIsA400ProblemAndStoresNothing() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        long before = mongo.getCollection("subscribers").countDocuments();

        List<Answer> answers = List.of(
                calls.post(SUBSCRIBERS, "{\"email\":\"nope\",\"lists\":[\"a\"],\"source\":\"x\"}", admin),
                calls.post(SUBSCRIBERS, "{\"email\":\"a@example.com\",\"lists\":[],\"source\":\"x\"}", admin),
                calls.post(SUBSCRIBERS, "{\"email\":\"a@example.com\",\"source\":\"x\"}", admin),
                calls.post(SUBSCRIBERS, "{\"email\":\"a@example.com\",\"lists\":[\"Not A List!\"],\"source\":\"x\"}", admin),
                calls.post(SUBSCRIBERS,
                        "{\"email\":\"a@example.com\",\"phone\":\"12\",\"lists\":[\"a\"],\"source\":\"x\"}", admin),
                calls.post(SUBSCRIBERS, "{\"email\":\"a@example.com\",\"lists\":[\"a\"]}", admin),
                calls.post(SUBSCRIBERS, "not json", admin),
                calls.get(SUBSCRIBERS + "/not-a-uuid", admin),
                calls.get(SUBSCRIBERS + "?email=not-an-address", admin));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.text()).isEqualTo(400);
            assertThat(answer.isProblem()).isTrue();
        });
        assertThat(answers.get(4).text()).doesNotContain("\"12\"");
        assertThat(mongo.getCollection("subscribers").countDocuments()).isEqualTo(before);
    }

    @Test
    void anUnknownSubscriberIsA404Problem() {
        Answer answer = ServiceCalls.onPort(port).get(SUBSCRIBERS + "/" + UUID.randomUUID(), admin);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.isProblem()).isTrue();
    }

    @Test
    void aSuppressedAddressOrPhoneIsRefusedWith409AndNothingIsStored() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "suppressed-" + UUID.randomUUID() + "@example.com";
        String phone = "07911 123451";
        suppression.suppress(List.of(indexer.email(email)), List.of(indexer.phone(phone)),
                SuppressionEntry.Reason.OBJECTION);
        long before = mongo.getCollection("subscribers").countDocuments();

        Answer byAddress = subscribe(calls, email.toUpperCase(), null);
        Answer byPhone = subscribe(calls, "someone-" + UUID.randomUUID() + "@example.com", "+447911123451");

        assertThat(List.of(byAddress, byPhone)).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.text()).isEqualTo(409);
            assertThat(answer.isProblem()).isTrue();
            assertThat(answer.json().path("title").asString()).isEqualTo("Suppressed");
            assertThat(answer.text()).doesNotContainIgnoringCase(email).doesNotContain("7911123451")
                    .doesNotContain(indexer.email(email));
        });
        assertThat(mongo.getCollection("subscribers").countDocuments()).isEqualTo(before);
    }

    @Test
    void aRestrictedPersonIsRefusedWith409AndNothingIsStored() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "restricted-" + UUID.randomUUID() + "@example.com";
        restrictions.restrict(new SubjectIdentifiers(List.of(), List.of(indexer.email(email)), List.of()));
        long before = mongo.getCollection("subscribers").countDocuments();

        Answer refused = subscribe(calls, email, null);

        assertThat(refused.status()).as(refused.text()).isEqualTo(409);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().path("title").asString()).isEqualTo("Restricted");
        assertThat(refused.text()).doesNotContain(email);
        assertThat(mongo.getCollection("subscribers").countDocuments()).isEqualTo(before);
    }

    @Test
    void staffSeeHowManyAreSuppressedForEachReason() {
        suppression.suppress(List.of(indexer.email("counted-" + UUID.randomUUID() + "@example.com")), List.of(),
                SuppressionEntry.Reason.ERASURE);

        JsonNode counts = ServiceCalls.onPort(port).get("/api/marketing/suppression", admin).json();

        assertThat(counts.propertyNames()).containsExactly("ERASURE", "OBJECTION", "RESTRICTION");
        assertThat(counts.path("ERASURE").asLong()).isPositive();
    }

    private Answer subscribe(ServiceCalls calls, String email, String phone) {
        return calls.post(SUBSCRIBERS, """
                {"email":"%s"%s,"fullName":"Ali Khan","lists":["newsletter"],"source":"website"}
                """.formatted(email, phone == null ? "" : ",\"phone\":\"" + phone + "\""), admin);
    }
}
