package uk.alluris.rights.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.events.ExportPartIssued;
import uk.alluris.events.Outcome;
import uk.alluris.events.ReceiptIssued;
import uk.alluris.events.Topics;
import uk.alluris.kit.outbox.OutboxMessage;
import uk.alluris.kit.privacy.ExportSeal;
import uk.alluris.rights.MailedRightsContext;
import uk.alluris.rights.RightsTestCalls;
import uk.alluris.rights.request.PrivacyRequests;
import uk.alluris.testsupport.PrivacyRequestProbe;
import uk.alluris.testsupport.TestTokens;

/**
 * Access and portability from the rights side: filed and verified through the API, the request event read off
 * {@code privacy.requests}, the four data-holding services played by sealing exports to the event's key and sending
 * receipts back, then the bundle — ready, mailed, downloaded by the requester and the officer, refused to others,
 * validated against its schemas, and gone with its key once it expires.
 */
class ExportBundleIntegrationTest extends MailedRightsContext {

    @RegisterExtension
    static final PrivacyRequestProbe probe = new PrivacyRequestProbe();

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern CODE = Pattern.compile("enter this code: (\\d{6})");
    private static final Pattern LINK = Pattern.compile("(https://privacy\\.alluris\\.example/api/privacy/requests/"
            + "[0-9a-f-]{36}/bundle\\?token=([A-Za-z0-9_-]+))");
    private static final List<String> REGISTRY = List.of("booking-service", "consent-service", "marketing-service",
            "records-service");
    private static final String OFFICER = TestTokens.get().staff("PRIVACY_OFFICER");

    @LocalServerPort
    int port;
    @Autowired
    StreamBridge bridge;
    @Autowired
    Bundles bundles;
    @Autowired
    ExportKeys exportKeys;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    BundleReadiness readiness;
    @Autowired
    PrivacyRequests requests;

    @Test
    void anAccessRequestGathersEveryServicesDataIntoABundleTheRequesterDownloads() throws Exception {
        String email = "ann-" + UUID.randomUUID() + "@example.com";
        UUID id = file("ACCESS", email, "07911 123456");
        JsonNode verified = verify(id, email);
        String token = verified.path("downloadToken").asString();
        assertThat(token).hasSizeGreaterThanOrEqualTo(43);
        assertThat(verified.path("bundle").path("status").asString()).isEqualTo("PENDING");

        ConsumerRecord<byte[], byte[]> fannedOut = requestEvent(id);
        String body = new String(fannedOut.value(), StandardCharsets.UTF_8);
        assertThat(PrivacyRequestProbe.header(fannedOut, "ce_type")).contains("uk.alluris.privacy.DataExportRequested.v1");
        String recipientKey = JSON.readTree(body).path("recipientKey").asString();
        assertThat(JSON.readTree(body).path("requestType").asString()).isEqualTo("ACCESS");
        assertThat(TinkJsonProtoKeysetFormat.parseKeysetWithoutSecret(recipientKey)).isNotNull();
        assertThat(recipientKey).contains("ASYMMETRIC_PUBLIC").doesNotContain("ASYMMETRIC_PRIVATE");
        assertThat(body).doesNotContain(email).doesNotContain("7911").doesNotContain("Jane");

        Map<String, byte[]> exports = new LinkedHashMap<>();
        for (String service : REGISTRY.subList(0, 3)) {
            exports.put(service, answer(id, service, recipientKey, dataOf(service, "Ann")));
        }
        assertThat(download(id, token, null).statusCode()).isEqualTo(409);
        exports.put("records-service", answer(id, "records-service", recipientKey, dataOf("records-service", "Ann")));

        JsonNode ready = awaitBundle(id, "READY");
        assertThat(ready.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(Duration.between(Instant.parse(ready.path("bundle").path("readyAt").asString()),
                Instant.parse(ready.path("bundle").path("expiresAt").asString()))).isEqualTo(Duration.ofDays(7));
        String mailed = readyMailTo(email);
        Matcher link = LINK.matcher(mailed);
        assertThat(link.find()).as(mailed).isTrue();
        assertThat(link.group(1)).contains(id.toString());
        assertThat(mailed).doesNotContain("Anti-wrinkle").doesNotContain("penicillin");

        HttpResponse<byte[]> downloaded = download(id, token, null);
        assertThat(downloaded.statusCode()).isEqualTo(200);
        assertThat(downloaded.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(downloaded.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        Map<String, byte[]> zip = unzip(downloaded.body());
        assertThat(zip.keySet()).containsExactlyInAnyOrder("index.json", "summary.html", "booking-service.json",
                "consent-service.json", "marketing-service.json", "records-service.json",
                "schemas/alluris-export-v1.schema.json", "schemas/index-v1.schema.json");
        for (String service : REGISTRY) {
            assertThat(JSON.readTree(zip.get(service + ".json"))).as(service).isEqualTo(JSON.readTree(exports.get(service)));
        }
        JsonNode index = JSON.readTree(zip.get("index.json"));
        assertThat(index.path("requestId").asString()).isEqualTo(id.toString());
        assertThat(index.path("requestType").asString()).isEqualTo("ACCESS");
        assertThat(index.path("dataHeld").asBoolean()).isTrue();
        assertThat(index.path("services").findValuesAsString("file")).containsExactly("booking-service.json",
                "consent-service.json", "marketing-service.json", "records-service.json");
        assertThat(index.path("services").get(0).path("records").asInt()).isEqualTo(4);
        String summary = new String(zip.get("summary.html"), StandardCharsets.UTF_8);
        assertThat(summary).contains(id.toString(), "Anti-wrinkle consultation", "penicillin", "Spring offers",
                "marketing.email", "Information Commissioner", "ico.org.uk", "Legal obligation", "Ann Example",
                "Jo Requester")
                .contains("&lt;script&gt;").doesNotContain("<script").doesNotContain("http://").doesNotContain("src=");
        assertTheSupplementaryInformationNamesEveryEntryOfThePublishedRegister(summary);

        assertThat(download(id, null, null, "?token=" + link.group(2)).statusCode()).isEqualTo(200);
        HttpResponse<byte[]> wrongToken = download(id, DownloadTokens.mint(), null);
        HttpResponse<byte[]> noToken = download(id, null, null);
        HttpResponse<byte[]> clientWithoutToken = download(id, null, TestTokens.get().client("someone"));
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(clientWithoutToken.statusCode()).isEqualTo(401);
        assertThat(List.of(wrongToken, noToken, clientWithoutToken)).allSatisfy(response -> assertThat(
                response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json"));
        HttpResponse<byte[]> byOfficer = download(id, null, OFFICER);
        assertThat(byOfficer.statusCode()).isEqualTo(200);
        assertThat(unzip(byOfficer.body()).keySet()).contains("index.json", "summary.html", "booking-service.json");

        List<JsonNode> evidence = evidence(id);
        List<String> steps = evidence.stream().map(e -> e.path("step").asString()).toList();
        assertThat(steps).containsSubsequence("FILED", "VERIFIED", "EXPORT_KEY_MINTED", "RECEIPT", "COMPLETED",
                "BUNDLE_READY", "BUNDLE_NOTICE_SENT", "BUNDLE_DOWNLOADED");
        assertThat(evidence).filteredOn(e -> e.path("step").asString().equals("BUNDLE_DOWNLOADED"))
                .extracting(e -> e.path("actor").asString())
                .containsExactly("requester", "requester", "staff-PRIVACY_OFFICER");
    }

    @Test
    void aBundleHoldsItsOwnPersonsDataAndNothingOfAnothers() throws Exception {
        String annEmail = "ann2-" + UUID.randomUUID() + "@example.com";
        String bobEmail = "bob-" + UUID.randomUUID() + "@example.com";
        UUID ann = file("PORTABILITY", annEmail, null);
        UUID bob = file("ACCESS", bobEmail, null);
        String annToken = verify(ann, annEmail).path("downloadToken").asString();
        String bobToken = verify(bob, bobEmail).path("downloadToken").asString();
        String annKey = JSON.readTree(requestEvent(ann).value()).path("recipientKey").asString();
        String bobKey = JSON.readTree(requestEvent(bob).value()).path("recipientKey").asString();
        assertThat(annKey).isNotEqualTo(bobKey);

        // an export sealed for Ann's request, replayed into Bob's: it does not open there, so it is never kept
        String annBooking = ExportSeal.seal(annKey, exportJson(ann, "booking-service", dataOf("booking-service", "Ann")),
                ann, "booking-service");
        UUID replayed = UUID.randomUUID();
        send(new ReceiptIssued(replayed, bob, "booking-service", "ACCESS",
                List.of(CategoryOutcome.of("contact-profile", Outcome.EXPORTED, 1)), Instant.now(), annBooking));
        for (String service : REGISTRY) {
            answer(ann, service, annKey, dataOf(service, "Ann"));
            answer(bob, service, bobKey, dataOf(service, "Bob"));
        }
        awaitBundle(ann, "READY");
        awaitBundle(bob, "READY");
        assertThat(probe.records("error.privacy.receipts.rights-request-service", Duration.ofSeconds(30), 1,
                r -> new String(r.value(), StandardCharsets.UTF_8).contains(replayed.toString()))).hasSize(1);

        String annZip = allText(unzip(download(ann, annToken, null).body()));
        String bobZip = allText(unzip(download(bob, bobToken, null).body()));
        assertThat(annZip).contains("Ann Example").doesNotContain("Bob Example");
        assertThat(bobZip).contains("Bob Example").doesNotContain("Ann Example");
        assertThat(JSON.readTree(unzip(download(ann, annToken, null).body()).get("index.json")).path("requestType")
                .asString()).isEqualTo("PORTABILITY");
        assertThat(download(ann, bobToken, null).statusCode()).isEqualTo(403);
    }

    @Test
    void anExpiredBundleIsDeletedWithItsKeySoNoCopyOfAnExportCanBeOpened() throws Exception {
        String email = "exp-" + UUID.randomUUID() + "@example.com";
        UUID id = file("ACCESS", email, null);
        String token = verify(id, email).path("downloadToken").asString();
        String recipientKey = JSON.readTree(requestEvent(id).value()).path("recipientKey").asString();
        REGISTRY.forEach(service -> answer(id, service, recipientKey, dataOf(service, "Eve")));
        JsonNode ready = awaitBundle(id, "READY");
        Instant expiresAt = Instant.parse(ready.path("bundle").path("expiresAt").asString());
        assertThat(download(id, token, null).statusCode()).isEqualTo(200);
        String sealedOnTheTopic = probe.receipts(id, "booking-service", 1, Duration.ofSeconds(30)).get(0).sealedExport();
        assertThat(ExportSeal.open(exportKeys.open(id).orElseThrow(), sealedOnTheTopic, id, "booking-service")).isNotEmpty();

        bundles.expireDue(expiresAt.minusSeconds(60));
        assertThat(download(id, token, null).statusCode()).isEqualTo(200);
        bundles.expireDue(expiresAt.plusSeconds(1));

        HttpResponse<byte[]> byRequester = download(id, token, null);
        HttpResponse<byte[]> byOfficer = download(id, null, OFFICER);
        assertThat(List.of(byRequester, byOfficer)).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(410);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        });
        // the mailed link, opened in a browser now: a page saying so, with a new request one click away
        HttpResponse<byte[]> inABrowser = send(HttpRequest.newBuilder(uri("/api/privacy/requests/" + id
                + "/bundle?token=" + token)).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET());
        assertThat(inABrowser.statusCode()).isEqualTo(410);
        assertThat(inABrowser.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(new String(inABrowser.body(), StandardCharsets.UTF_8)).contains("This bundle has expired")
                .contains("Ask for a new copy of your data").contains("href=\"/privacy\"");
        assertThat(officerGet("/api/privacy/requests/" + id).path("bundle").path("status").asString()).isEqualTo("EXPIRED");
        assertThat(evidence(id)).anySatisfy(entry -> {
            assertThat(entry.path("step").asString()).isEqualTo("BUNDLE_EXPIRED");
            assertThat(entry.path("detail").asString()).isEqualTo("bundle deleted and its key destroyed");
        });
        assertThat(mongo.exists(Query.query(where("_id").is(id)), ExportKey.COLLECTION)).isFalse();
        assertThat(mongo.exists(Query.query(where("requestId").is(id)), BundlePart.COLLECTION)).isFalse();
        assertThat(exportKeys.open(id)).isEmpty();
        // the copy still on the topic is useless now: no key in the service opens it, and no other key does either
        assertThatThrownBy(() -> ExportSeal.open(ExportSeal.newRecipientKey(), sealedOnTheTopic, id, "booking-service"))
                .isInstanceOf(GeneralSecurityException.class);

        bundles.expireDue(expiresAt.plusSeconds(120));
        assertThat(evidence(id)).filteredOn(e -> e.path("step").asString().equals("BUNDLE_EXPIRED")).hasSize(1);
    }

    @Test
    void anExportLargerThanAKafkaMessageArrivesInPartsInAnyOrderAndTheBundleHoldsTheWholeImage() throws Exception {
        String email = "large-" + UUID.randomUUID() + "@example.com";
        UUID id = file("ACCESS", email, null);
        String token = verify(id, email).path("downloadToken").asString();
        String recipientKey = JSON.readTree(requestEvent(id).value()).path("recipientKey").asString();
        REGISTRY.subList(0, 3).forEach(service -> answer(id, service, recipientKey, nothingOf(service)));
        byte[] photo = new byte[1_500_000];
        new java.util.Random(18).nextBytes(photo);
        String imageBase64 = java.util.Base64.getEncoder().encodeToString(photo);
        Map<String, List<?>> data = new LinkedHashMap<>();
        data.put("clinical-images", List.of(Map.of("format", "image/png", "imageBase64", imageBase64)));
        String sealed = ExportSeal.seal(recipientKey, exportJson(id, "records-service", data), id, "records-service");
        assertThat(sealed.length()).as("larger than the broker's 1 MB message limit").isGreaterThan(1_048_576);
        int size = 512 * 1024;
        int parts = (sealed.length() + size - 1) / size;
        String digest = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(sealed.getBytes(StandardCharsets.US_ASCII)));

        // the receipt first, then the parts last to first: whichever arrives last completes the export
        send(new ReceiptIssued(UUID.randomUUID(), id, "records-service", "ACCESS",
                List.of(CategoryOutcome.of("clinical-images", Outcome.EXPORTED, 1)), Instant.now(), null, parts,
                digest));
        for (int part = parts - 1; part >= 0; part--) {
            ExportPartIssued slice = new ExportPartIssued(UUID.randomUUID(), id, "records-service", part, parts,
                    sealed.substring(part * size, Math.min(sealed.length(), (part + 1) * size)), digest, Instant.now());
            bridge.send(Topics.PRIVACY_RECEIPTS, OutboxMessage.of(slice).toMessage("/alluris/records-service"));
        }
        awaitBundle(id, "READY");

        Map<String, byte[]> zip = unzip(download(id, token, null).body());
        JsonNode image = JSON.readTree(zip.get("records-service.json")).path("data").path("clinical-images").get(0);
        assertThat(image.path("imageBase64").asString()).isEqualTo(imageBase64);
        assertThat(mongo.getCollection("receipt_export_parts").countDocuments(
                new org.bson.Document("requestId", id.toString()))).as("parts go once joined").isZero();
    }

    @Test
    void aPersonOfWhomNothingIsHeldGetsABundleThatSaysSoPlainly() throws Exception {
        String email = "none-" + UUID.randomUUID() + "@example.com";
        UUID id = file("ACCESS", email, null);
        String token = verify(id, email).path("downloadToken").asString();
        String recipientKey = JSON.readTree(requestEvent(id).value()).path("recipientKey").asString();
        REGISTRY.forEach(service -> answer(id, service, recipientKey, nothingOf(service)));
        awaitBundle(id, "READY");

        Map<String, byte[]> zip = unzip(download(id, token, null).body());

        String summary = new String(zip.get("summary.html"), StandardCharsets.UTF_8);
        assertThat(summary).contains("We hold no personal data about you").contains("Information Commissioner");
        assertThat(JSON.readTree(zip.get("index.json")).path("dataHeld").asBoolean()).isFalse();
        assertThat(JSON.readTree(zip.get("booking-service.json")).path("categories").get(0).path("outcome").asString())
                .isEqualTo("NOT_HELD");
    }

    @Test
    void aBundleHoldsThePersonsDisclosuresAndComplaintsButNoDisclosureRecordedUnderAnExemption() throws Exception {
        String email = "office-" + UUID.randomUUID() + "@example.com";
        uk.alluris.testsupport.ServiceCalls calls = uk.alluris.testsupport.ServiceCalls.onPort(port);
        String disclosure = """
                {"email":"%s","recipient":"authorities","recipientName":"%s","categories":["payments"],
                 "disclosedOn":"2026-10-05","legalBasis":"LEGAL_OBLIGATION","personTold":%s,%s"details":"receipts"}""";
        assertThat(calls.post("/api/privacy/disclosures", disclosure.formatted(email, "Medical Defence Union", true, ""),
                OFFICER).status()).isEqualTo(201);
        assertThat(calls.post("/api/privacy/disclosures", disclosure.formatted(email, "Serious Fraud Office", false,
                "\"exemptionGround\":\"DPA 2018 Sch. 2 para 2: crime\","), OFFICER).status()).isEqualTo(201);
        assertThat(calls.post("/api/privacy/complaints", "{\"email\":\"" + email
                + "\",\"text\":\"Reception read my notes aloud.\",\"channel\":\"LETTER\"}", OFFICER).status())
                .isEqualTo(201);
        UUID id = file("ACCESS", email, null);
        String token = verify(id, email).path("downloadToken").asString();
        String recipientKey = JSON.readTree(requestEvent(id).value()).path("recipientKey").asString();
        REGISTRY.forEach(service -> answer(id, service, recipientKey, nothingOf(service)));
        awaitBundle(id, "READY");

        Map<String, byte[]> zip = unzip(download(id, token, null).body());

        assertThat(JSON.readTree(zip.get("index.json")).path("files").path("privacyOffice").asString())
                .isEqualTo("privacy-office.json");
        JsonNode office = JSON.readTree(zip.get("privacy-office.json"));
        assertThat(office.path("disclosure-log")).hasSize(1);
        assertThat(office.path("disclosure-log").get(0).path("recipientName").asString()).isEqualTo("Medical Defence Union");
        assertThat(office.path("complaints").get(0).path("complaint").asString()).contains("read my notes aloud");
        assertThat(allText(zip)).doesNotContain("Serious Fraud Office").doesNotContain("Sch. 2 para 2");
        assertThat(evidence(id).stream().map(step -> step.path("detail").asString()))
                .anyMatch(detail -> detail.contains("disclosure-log=EXPORTED (1)") && detail.contains("complaints=EXPORTED (1)"));
    }

    @Test
    void aRealBundlesFilesValidateAgainstTheDocumentedSchemas() throws Exception {
        String email = "schema-" + UUID.randomUUID() + "@example.com";
        UUID id = file("PORTABILITY", email, "07911 123457");
        String token = verify(id, email).path("downloadToken").asString();
        String recipientKey = JSON.readTree(requestEvent(id).value()).path("recipientKey").asString();
        REGISTRY.forEach(service -> answer(id, service, recipientKey, dataOf(service, "Sam")));
        awaitBundle(id, "READY");

        Map<String, byte[]> zip = unzip(download(id, token, null).body());

        ObjectMapper tree = new ObjectMapper();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        JsonSchema exportSchema = factory.getSchema(tree.readTree(zip.get("schemas/alluris-export-v1.schema.json")), config);
        JsonSchema indexSchema = factory.getSchema(tree.readTree(zip.get("schemas/index-v1.schema.json")), config);
        assertThat(zip.get("schemas/index-v1.schema.json")).isEqualTo(resource("bundle-schema/index-v1.schema.json"));
        assertThat(indexSchema.validate(tree.readTree(zip.get("index.json")))).isEmpty();
        for (String service : REGISTRY) {
            assertThat(exportSchema.validate(tree.readTree(zip.get(service + ".json")))).as(service).isEmpty();
        }
        com.fasterxml.jackson.databind.node.ObjectNode broken =
                (com.fasterxml.jackson.databind.node.ObjectNode) tree.readTree(zip.get("booking-service.json"));
        broken.put("format", "something-else/v9");
        broken.remove("requestId");
        assertThat(exportSchema.validate(broken)).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void aBundleWhoseCompletionNobodyHeardIsMadeReadyByTheBundleJob() throws Exception {
        String email = "crash-" + UUID.randomUUID() + "@example.com";
        UUID id = file("ACCESS", email, null);
        String token = verify(id, email).path("downloadToken").asString();
        // the receipts are stored but the service stops before anything hears of the completion
        Instant completed = Instant.now();
        requests.change(id, request -> REGISTRY.forEach(service -> request.answer(service,
                List.of(CategoryOutcome.of("everything", Outcome.NOT_HELD, 0)), completed)));
        JsonNode unheard = officerGet("/api/privacy/requests/" + id);
        assertThat(unheard.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(unheard.path("bundle").path("status").asString()).isEqualTo("PENDING");
        assertThat(download(id, token, null).statusCode()).isEqualTo(409);

        assertThat(readiness.readyEveryCompleted()).isGreaterThanOrEqualTo(1);

        JsonNode ready = officerGet("/api/privacy/requests/" + id);
        assertThat(ready.path("bundle").path("status").asString()).isEqualTo("READY");
        assertThat(Instant.parse(ready.path("bundle").path("readyAt").asString())).isEqualTo(
                Instant.parse(ready.path("completedAt").asString()));
        assertThat(readyMailTo(email)).contains(id.toString());
        assertThat(download(id, token, null).statusCode()).isEqualTo(200);
        assertThat(evidence(id).stream().map(e -> e.path("step").asString()).toList())
                .containsSubsequence("COMPLETED", "BUNDLE_READY", "BUNDLE_NOTICE_SENT", "BUNDLE_DOWNLOADED");
        readiness.readyEveryCompleted();
        assertThat(evidence(id)).filteredOn(e -> e.path("step").asString().equals("BUNDLE_READY")).hasSize(1);
    }

    @Test
    void aBundleIsOnlyForAccessAndPortabilityAndUnknownRequestsAreNotFound() {
        String email = "erase-" + UUID.randomUUID() + "@example.com";
        UUID erasure = file("ERASURE", email, null);
        JsonNode verified = verify(erasure, email);

        assertThat(verified.has("downloadToken")).isFalse();
        assertThat(verified.has("bundle")).isFalse();
        assertThat(download(erasure, null, OFFICER).statusCode()).isEqualTo(404);
        assertThat(download(UUID.randomUUID(), "x", null).statusCode()).isEqualTo(404);
        assertThat(send(HttpRequest.newBuilder(uri("/api/privacy/requests/not-a-uuid/bundle")).GET()).statusCode())
                .isEqualTo(400);
    }

    // --- the data-holding services, played here ---

    /** Seals the export to the request's key, as a service's kit does, and sends the receipt; returns the export JSON. */
    private byte[] answer(UUID id, String service, String recipientKey, Map<String, List<?>> data) {
        byte[] json = exportJson(id, service, data);
        List<CategoryOutcome> categories = new ArrayList<>();
        data.forEach((category, records) -> categories.add(CategoryOutcome.counted(category, Outcome.EXPORTED,
                records.size())));
        send(new ReceiptIssued(UUID.randomUUID(), id, service, "ACCESS", categories, Instant.now(),
                ExportSeal.seal(recipientKey, json, id, service)));
        return json;
    }

    private void send(ReceiptIssued receipt) {
        bridge.send(Topics.PRIVACY_RECEIPTS, OutboxMessage.of(receipt).toMessage("/alluris/" + receipt.service()));
    }

    /** The export document as the service kit writes it (alluris-export/v1). */
    private static byte[] exportJson(UUID id, String service, Map<String, List<?>> data) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("format", "alluris-export/v1");
        document.put("service", service);
        document.put("requestId", id.toString());
        document.put("requestType", "ACCESS");
        document.put("exportedAt", Instant.now().toString());
        List<CategoryOutcome> categories = new ArrayList<>();
        data.forEach((category, records) -> categories.add(CategoryOutcome.counted(category, Outcome.EXPORTED,
                records.size())));
        document.put("categories", categories);
        document.put("data", data);
        return JSON.writeValueAsBytes(document);
    }

    private static Map<String, List<?>> dataOf(String service, String who) {
        Map<String, List<?>> data = new LinkedHashMap<>();
        switch (service) {
            case "booking-service" -> {
                data.put("contact-profile", List.of(Map.of("fullName", who + " Example", "email", who.toLowerCase() + "@example.com",
                        "phone", "+447911123456", "notes", "prefers mornings <script>alert('x')</script>")));
                data.put("appointments", List.of(
                        Map.of("treatment", "Anti-wrinkle consultation", "startsAt", "2026-10-01T10:00:00Z", "status", "ATTENDED"),
                        Map.of("treatment", "Dermal filler review", "startsAt", "2026-12-01T11:30:00Z", "status", "BOOKED")));
                data.put("payments", List.of(Map.of("amount", 250.5, "currency", "GBP", "status", "PAID",
                        "receipt", Map.of("number", "R-1001", "issuedAt", "2026-10-01"))));
            }
            case "records-service" -> {
                data.put("clinical-entries", List.of(Map.of("kind", "MEDICAL_HISTORY",
                        "fields", Map.of("allergies", "penicillin", "medications", List.of("none")),
                        "notes", "Attended with [third party redacted]")));
                data.put("photos", List.of(Map.of("takenAt", "2026-10-01", "area", "forehead", "marketingUse", false)));
            }
            case "consent-service" -> data.put("consent-ledger", List.of(Map.of("purpose", "marketing.email",
                    "decision", "GRANTED", "policyVersion", "2026-01-20", "channel", "WEB")));
            default -> {
                data.put("subscriptions", List.of(Map.of("list", "newsletter", "since", "2026-02-01")));
                data.put("leads", List.of(Map.of("source", "instagram-lead-form", "consentEvidence", "ticked box v3")));
                data.put("campaigns", List.of(Map.of("name", "Spring offers", "sentAt", "2026-03-01T09:00:00Z")));
            }
        }
        return data;
    }

    private static Map<String, List<?>> nothingOf(String service) {
        Map<String, List<?>> data = new LinkedHashMap<>();
        dataOf(service, "x").keySet().forEach(category -> data.put(category, List.of()));
        return data;
    }

    // --- the requester and the officer, through the API ---

    private UUID file(String type, String email, String phone) {
        String json = "{\"type\":\"" + type + "\",\"email\":\"" + email + "\""
                + (phone == null ? "" : ",\"phone\":\"" + phone + "\"") + ",\"fullName\":\"Jo Requester\"}";
        HttpResponse<String> response = post("/api/privacy/requests", json);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return UUID.fromString(JSON.readTree(response.body()).path("id").asString());
    }

    private JsonNode verify(UUID id, String email) {
        HttpResponse<String> response = post("/api/privacy/requests/" + id + "/verification",
                "{\"code\":\"" + codeMailedTo(email) + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private ConsumerRecord<byte[], byte[]> requestEvent(UUID id) {
        return probe.records(Topics.PRIVACY_REQUESTS, Duration.ofSeconds(30), 1,
                r -> new String(r.value(), StandardCharsets.UTF_8).contains(id.toString())).get(0);
    }

    private JsonNode awaitBundle(UUID id, String status) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                officerGet("/api/privacy/requests/" + id).path("bundle").path("status").asString()).isEqualTo(status));
        return officerGet("/api/privacy/requests/" + id);
    }

    private List<JsonNode> evidence(UUID id) {
        List<JsonNode> entries = new ArrayList<>();
        officerGet("/api/privacy/requests/" + id + "/evidence").forEach(entries::add);
        return entries;
    }

    private HttpResponse<byte[]> download(UUID id, String token, String bearer) {
        return download(id, token, bearer, "");
    }

    private HttpResponse<byte[]> download(UUID id, String token, String bearer, String query) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/privacy/requests/" + id + "/bundle" + query)).GET();
        if (token != null) {
            request.header("X-Request-Token", token);
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request);
    }

    private JsonNode officerGet(String path) {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri(path)).GET()
                .header("Authorization", "Bearer " + TestTokens.get().staff("PRIVACY_OFFICER")));
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> post(String path, String json) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static String allText(Map<String, byte[]> zip) {
        StringBuilder text = new StringBuilder();
        zip.values().forEach(bytes -> text.append(new String(bytes, StandardCharsets.UTF_8)));
        return text.toString();
    }

    private static byte[] resource(String path) throws IOException {
        try (var in = ExportBundleIntegrationTest.class.getClassLoader().getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }

    // --- mail ---

    private static String codeMailedTo(String email) {
        return RightsTestCalls.codeMailedTo(MAIL, email);
    }

    /**
     * The bundle's supplementary information and {@code GET /api/privacy/register} show the same entries: every
     * purpose, category (with how long it is kept), recipient, transfer (with its safeguard) and right, under the id the
     * portal's page gives it too, and nothing the register does not have.
     */
    private void assertTheSupplementaryInformationNamesEveryEntryOfThePublishedRegister(String summary) {
        JsonNode register = JSON.readTree(new RightsTestCalls(port).get("/api/privacy/register", null).body());
        String section = summary.substring(summary.indexOf("id=\"about-your-data\""));
        List<String> shown = new ArrayList<>();
        Matcher ids = Pattern.compile("id=\"((?:purpose|category|recipient|transfer|right)-[a-z0-9-]+)\"")
                .matcher(section);
        while (ids.find()) {
            shown.add(ids.group(1));
        }
        List<String> published = new ArrayList<>();
        register.path("purposes").forEach(p -> published.add("purpose-" + p.path("key").asString()));
        register.path("categories").forEach(c -> published.add("category-" + c.path("key").asString()));
        register.path("recipients").forEach(r -> published.add("recipient-" + r.path("key").asString()));
        register.path("transfers").forEach(t -> published.add("transfer-" + t.path("recipient").asString()));
        register.path("rights").forEach(r -> published.add("right-" + r.path("key").asString()));
        assertThat(shown).containsExactlyElementsOf(published);
        register.path("categories").forEach(category -> assertThat(section)
                .contains(escaped(category.path("name").asString()))
                .contains(escaped(category.path("retention").path("says").asString())));
        register.path("transfers").forEach(transfer -> assertThat(section)
                .contains(escaped(transfer.path("safeguard").asString())));
        assertThat(section).contains(escaped(register.path("complaints").path("name").asString()),
                register.path("complaints").path("phone").asString());
    }

    private static String escaped(String text) {
        return org.springframework.web.util.HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private static String readyMailTo(String email) {
        await().atMost(Duration.ofSeconds(20)).until(() -> Arrays.stream(messagesTo(email))
                .anyMatch(m -> subject(m).contains("ready to download")));
        MimeMessage ready = Arrays.stream(messagesTo(email)).filter(m -> subject(m).contains("ready to download"))
                .findFirst().orElseThrow();
        try {
            return String.valueOf(ready.getContent());
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return String.valueOf(message.getSubject());
        } catch (MessagingException e) {
            return "";
        }
    }

    private static MimeMessage[] messagesTo(String email) {
        return RightsTestCalls.messagesTo(MAIL, email);
    }
}
