package uk.alluris.consent.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.events.ConsentCaptured;
import uk.alluris.events.EventType;
import uk.alluris.events.Outcome;
import uk.alluris.events.PlatformEvent;
import uk.alluris.events.SubjectIdentifiers;
import uk.alluris.events.SubscriberUnsubscribed;
import uk.alluris.events.Topics;
import uk.alluris.kit.inbox.EventConsumer;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.kit.messaging.EventJson;
import uk.alluris.testsupport.EmbeddedInfrastructure;
import uk.alluris.testsupport.PrivacyRequestProbe;
import uk.alluris.testsupport.ServiceCalls;
import uk.alluris.testsupport.TestTokens;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

/** Consent marketing captured, arriving on marketing.events: one grant per purpose, with evidence, recorded once. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesEmbeddedInfrastructure
class CapturedConsentsIntegrationTest {

    private static final String SERVICE = "consent-service";
    private static final String DEAD_LETTERS = Topics.deadLetterTopic(Topics.MARKETING_EVENTS, SERVICE);
    @RegisterExtension
    static final PrivacyRequestProbe probe = new PrivacyRequestProbe();
    /** Plays the marketing service's outbox relay. */
    private static final KafkaProducer<byte[], byte[]> marketing = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfrastructure.get().kafkaBootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer());

    @LocalServerPort
    int port;
    @Autowired
    BlindIndexer indexer;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MeterRegistry meters;

    private final String staff = TestTokens.get().staff("PRIVACY_OFFICER");

    @AfterAll
    static void closeProducer() {
        marketing.close();
    }

    @Test
    void aCapturedConsentIsAGrantPerPurposeWithItsEvidenceAndADuplicateIsRecordedOnce() {
        String email = "captured-" + UUID.randomUUID() + "@example.com";
        String subjectId = UUID.randomUUID().toString();
        ConsentCaptured captured = captured(subjectId, indexer.email(email), null,
                List.of("marketing.email", "marketing.sms"), "WEB", "double-opt-in");

        String messageId = publish(captured);
        publish(captured, messageId);                       // the same message delivered again
        publish(captured, UUID.randomUUID().toString());    // the same capture relayed again under a new message id
        // a later capture for the same person: once it is in, every copy before it (same partition) was handled
        publish(captured(subjectId, indexer.email(email), null, List.of("cookies.analytics"), "WEB", "cookie-banner"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ledger(email)).extracting(
                entry -> entry.getString("purpose")).contains("cookies.analytics"));
        List<Document> raw = ledger(email);
        assertThat(raw).extracting(entry -> entry.getString("purpose"))
                .containsExactlyInAnyOrder("marketing.email", "marketing.sms", "cookies.analytics");
        assertThat(raw).allSatisfy(entry -> {
            assertThat(entry.get("email")).isNull();
            assertThat(entry.getString("subjectId")).isEqualTo(subjectId);
            assertThat(entry.getBoolean("granted")).isTrue();
            assertThat(entry.toJson()).doesNotContain(email);
        });
        JsonNode person = ServiceCalls.onPort(port).get("/api/consents?subjectId=" + subjectId, staff).json();
        JsonNode grant = person.path("history").valueStream()
                .filter(entry -> entry.path("purpose").asString().equals("marketing.email")).findFirst().orElseThrow();
        assertThat(grant.path("channel").asString()).isEqualTo("WEB");
        assertThat(grant.path("policyVersion").asString()).isEqualTo("2026-01");
        assertThat(grant.path("heldUnderRestriction").asBoolean()).isFalse();
        assertThat(grant.path("evidenceDigest").asString()).hasSize(64);
        JsonNode evidence = grant.path("evidence");
        assertThat(evidence.path("source").asString()).isEqualTo("double-opt-in");
        assertThat(evidence.path("formId").asString()).isEqualTo("newsletter-footer");
        assertThat(evidence.path("consentText").asString()).isEqualTo("Yes, email me offers");
        assertThat(evidence.path("ipAddress").asString()).isEqualTo("203.0.113.0");
        assertThat(evidence.path("userAgent").asString()).isEqualTo("Mozilla/5.0");
        assertThat(evidence.path("note").asString()).contains(captured.eventId().toString());
        assertThat(person.path("current").path("marketing.email").path("granted").asBoolean()).isTrue();
        assertThat(person.path("current").path("marketing.sms").path("granted").asBoolean()).isTrue();
        // each grant is announced, without plaintext
        assertThat(probe.records(Topics.CONSENT_EVENTS, Duration.ofSeconds(30), 3,
                r -> new String(r.value(), StandardCharsets.UTF_8).contains(subjectId))).allSatisfy(record -> {
                    assertThat(PrivacyRequestProbe.header(record, "ce_type"))
                            .hasValue(EventType.CONSENT_GRANTED.cloudEventType());
                    assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain(email);
                });
    }

    @Test
    void aGrantCapturedWhileThePersonIsRestrictedIsKeptAsEvidenceButNeverUsed() {
        String email = "restricted-capture-" + UUID.randomUUID() + "@example.com";
        UUID restriction = UUID.randomUUID();
        probe.publish(PrivacyRequestProbe.request("RESTRICTION", restriction,
                new SubjectIdentifiers(List.of(), List.of(indexer.email(email)), List.of())));
        probe.receipt(restriction, SERVICE);

        publish(captured(null, indexer.email(email), null, List.of("marketing.email"), "EMAIL", "double-opt-in"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ledger(email)).hasSize(1));
        Document raw = ledger(email).get(0);
        assertThat(raw.getBoolean("heldUnderRestriction")).isTrue();
        assertThat(raw.getList("outbox", Document.class)).isEmpty();
        JsonNode person = ServiceCalls.onPort(port).get("/api/consents?email=" + email, staff).json();
        assertThat(person.path("restricted").asBoolean()).isTrue();
        assertThat(person.path("history").get(0).path("heldUnderRestriction").asBoolean()).isTrue();
        assertThat(person.path("history").get(0).path("evidence").path("source").asString()).isEqualTo("double-opt-in");
        assertThat(person.path("current").has("marketing.email")).isFalse();

        // lifting the restriction does not revive it: the person is asked again
        UUID lift = UUID.randomUUID();
        probe.publish(PrivacyRequestProbe.request("LIFT_RESTRICTION", lift,
                new SubjectIdentifiers(List.of(), List.of(indexer.email(email)), List.of())));
        assertThat(probe.receipt(lift, SERVICE).categories())
                .containsExactly(CategoryOutcome.of("consents", Outcome.RESTRICTION_LIFTED, 1));
        assertThat(ServiceCalls.onPort(port).get("/api/consents?email=" + email, staff).json().path("current")
                .has("marketing.email")).isFalse();
    }

    @Test
    void aPhoneOnlyLeadIsRecordedUnderItsPhoneIndexAndFoundByIt() {
        String phoneIndex = indexer.phone("07911 123481");
        ConsentCaptured lead = captured(null, null, phoneIndex, List.of("marketing.sms"), "LEAD_FORM", "meta-lead-ads");

        publish(lead);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                mongo.getCollection("ledger").countDocuments(new Document("phoneIndex", phoneIndex))).isEqualTo(1));
        UUID objection = UUID.randomUUID();
        probe.publish(PrivacyRequestProbe.request("OBJECTION_TO_MARKETING", objection,
                new SubjectIdentifiers(List.of(), List.of(), List.of(phoneIndex))));
        assertThat(probe.receipt(objection, SERVICE).categories())
                .containsExactly(CategoryOutcome.of("marketing-consents", Outcome.WITHDRAWN, 1));
    }

    @Test
    void otherEventTypesOnTheTopicArePassedOverAndABadCaptureIsParkedInTheDeadLetterTopic() {
        String email = "others-" + UUID.randomUUID() + "@example.com";
        String emailIndex = indexer.email(email);
        String marker = "marker-" + UUID.randomUUID();
        // not this consumer's business: neither recorded nor dead-lettered
        publish(new SubscriberUnsubscribed(UUID.randomUUID(), null, emailIndex, null, marker, Instant.now()));
        publishRaw(emailIndex, "{\"some\":\"future event " + marker + "\"}", "uk.alluris.marketing.SomethingNew.v1");
        // captures that cannot be recorded: unreadable, and an unknown purpose
        publishRaw(emailIndex, "not json " + marker, EventType.CONSENT_CAPTURED.cloudEventType());
        ConsentCaptured unknownPurpose = captured(null, emailIndex, null, List.of("marketing.email", "telepathy"), "WEB",
                marker);
        publish(unknownPurpose);
        publish(captured(null, emailIndex, null, List.of("marketing.phone"), "WEB", "after-" + marker));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(ledger(email)).hasSize(1));
        assertThat(ledger(email).get(0).getString("purpose")).isEqualTo("marketing.phone");
        probe.records(DEAD_LETTERS, Duration.ofSeconds(30), 2,
                record -> new String(record.value(), StandardCharsets.UTF_8).contains(marker));
        List<String> parked = new ArrayList<>();
        probe.all(DEAD_LETTERS).forEach(record -> {
            String body = new String(record.value(), StandardCharsets.UTF_8);
            if (body.contains(marker)) {
                parked.add(PrivacyRequestProbe.header(record, "ce_type").orElse("?") + " " + body);
            }
        });
        assertThat(parked).hasSize(2).allSatisfy(line -> assertThat(line).startsWith(EventType.CONSENT_CAPTURED.cloudEventType()));
        assertThat(parked).anySatisfy(line -> assertThat(line).contains("not json"))
                .anySatisfy(line -> assertThat(line).contains("telepathy"));
        // the type the catalogue does not know was skipped and counted, under the consumer's key
        assertThat(meters.get(EventConsumer.UNKNOWN_METRIC).tag("consumer", "consent-service/marketingEvents")
                .tag("type", "uk.alluris.marketing.SomethingNew.v1").counter().count()).isGreaterThanOrEqualTo(1);
    }

    private List<Document> ledger(String email) {
        return mongo.getCollection("ledger").find(new Document("emailIndex", indexer.email(email)))
                .into(new ArrayList<>());
    }

    private static ConsentCaptured captured(String subjectId, String emailIndex, String phoneIndex, List<String> purposes,
            String channel, String source) {
        return new ConsentCaptured(UUID.randomUUID(), subjectId, emailIndex, phoneIndex, purposes, channel, "2026-01",
                source, "newsletter-footer", "Yes, email me offers", "203.0.113.0", "Mozilla/5.0", Instant.now());
    }

    private static String publish(PlatformEvent event) {
        return publish(event, event.eventId().toString());
    }

    /** As the marketing service's outbox relay would: CloudEvents headers, the event's JSON, keyed by the person. */
    private static String publish(PlatformEvent event, String messageId) {
        EventType type = EventType.of(event);
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(type.topic(), bytes(event.partitionKey()),
                bytes(EventJson.write(event)));
        record.headers().add("ce_id", bytes(messageId)).add("ce_type", bytes(type.cloudEventType()))
                .add("ce_source", bytes("/alluris/marketing-service")).add("ce_specversion", bytes("1.0"))
                .add("ce_subject", bytes(event.partitionKey())).add("ce_time", bytes(event.occurredAt().toString()));
        send(record);
        return messageId;
    }

    private static void publishRaw(String key, String body, String ceType) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topics.MARKETING_EVENTS, bytes(key), bytes(body));
        record.headers().add("ce_id", bytes(UUID.randomUUID().toString())).add("ce_type", bytes(ceType));
        send(record);
    }

    private static void send(ProducerRecord<byte[], byte[]> record) {
        try {
            marketing.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + record.topic(), e);
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
