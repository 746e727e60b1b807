package uk.alluris.records.photos;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.KeysetHandle;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.events.ConsentGranted;
import uk.alluris.events.ConsentWithdrawn;
import uk.alluris.events.DataExportRequested;
import uk.alluris.events.Outcome;
import uk.alluris.events.ReceiptIssued;
import uk.alluris.events.SubjectIdentifiers;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.kit.privacy.ExportSeal;
import uk.alluris.records.keys.FieldCipher;
import uk.alluris.testsupport.PrivacyRequestProbe;
import uk.alluris.testsupport.ServiceCalls;
import uk.alluris.testsupport.ServiceCalls.Answer;
import uk.alluris.testsupport.TestTokens;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

/** Clinical photos: cleaned and encrypted on arrival, marketing use only with the ledger's consent, shredded with the record. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesEmbeddedInfrastructure
class PhotosIntegrationTest {

    private static final String IDENTIFIABLE = "photos.marketing.identifiable";
    private static final String ANONYMISED = "photos.marketing.anonymised";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    @RegisterExtension
    static final PrivacyRequestProbe probe = new PrivacyRequestProbe();

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    BlindIndexer indexer;
    @Autowired
    FieldCipher cipher;
    @Autowired
    uk.alluris.kit.privacy.Restrictions restrictions;

    private final String clinician = TestTokens.get().staff("CLINICIAN");

    @Test
    void aPhotoUploadedWithGpsExifComesBackWithoutItAndIsNotStoredInPlaintext() {
        String subjectId = subject("gps-" + UUID.randomUUID() + "@example.com", OffsetDateTime.now().minusDays(1));
        byte[] upload = TestImages.jpegWithGpsExif(160, 120);

        PhotoCalls.Bytes created = photos().upload(subjectId, upload, "image/jpeg", null, clinician);

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode photo = JSON.readTree(created.body());
        String id = photo.path("id").asString();
        assertThat(photo.path("width").asInt()).isEqualTo(160);
        assertThat(photo.path("permittedUse").asString()).isEqualTo("CLINICAL");
        PhotoCalls.Bytes image = photos().get("/api/records/photos/" + id, clinician);
        assertThat(image.status()).isEqualTo(200);
        assertThat(image.contentType()).isEqualTo("image/jpeg");
        assertThat(TestImages.hasApp1(image.body())).isFalse();
        assertThat(TestImages.contains(image.body(), TestImages.GPS_MARK.getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(TestImages.read(image.body()).getHeight()).isEqualTo(120);
        PhotoCalls.Bytes thumbnail = photos().get("/api/records/photos/" + id + "/thumbnail", clinician);
        assertThat(TestImages.read(thumbnail.body()).getWidth()).isLessThanOrEqualTo(256);
        Document raw = mongo.getCollection("photos").find(new Document("_id", UUID.fromString(id))).first();
        byte[] stored = raw.get("encryptedImage", Binary.class).getData();
        assertThat(stored).isNotEqualTo(image.body());
        assertThat(TestImages.contains(stored, new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF })).isFalse();
        assertThat(TestImages.contains(stored, "JFIF".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(raw.toJson()).doesNotContain("lips").doesNotContain(TestImages.GPS_MARK);
        assertThat(new ServiceCalls("http://127.0.0.1:" + port).get("/api/records/subjects/" + subjectId
                + "/read-audit", clinician).json()).extracting(read -> read.path("what").asString())
                .contains("photo", "photo-thumbnail");
    }

    @Test
    void marketingUseOfAnIdentifiablePhotoIsRefusedWithoutLedgerConsentAllowedAfterItAndRefusedAgainAfterWithdrawal() {
        String email = "marketing-" + UUID.randomUUID() + "@example.com";
        String subjectId = subject(email, OffsetDateTime.now().minusDays(1));
        String id = upload(subjectId, TestImages.png(60, 40));
        ServiceCalls calls = new ServiceCalls("http://127.0.0.1:" + port);
        String use = "/api/records/photos/" + id + "/use";
        String identifiable = "{\"use\":\"MARKETING_IDENTIFIABLE\"}";

        Answer refused = calls.put(use, identifiable, clinician);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("title").asString()).isEqualTo("No consent in the ledger");
        assertThat(photos().get("/api/records/photos/" + id + "/marketing", clinician).status()).isEqualTo(409);

        String ledgerSubject = UUID.randomUUID().toString();
        probe.publish(new ConsentGranted(UUID.randomUUID(), ledgerSubject, indexer.email(email), IDENTIFIABLE,
                "CLINIC", "2026-01", Instant.now()));
        Answer allowed = eventually(() -> calls.put(use, identifiable, clinician), answer -> answer.status() == 200);
        assertThat(allowed.json().path("permittedUse").asString()).isEqualTo("MARKETING_IDENTIFIABLE");
        PhotoCalls.Bytes used = photos().get("/api/records/photos/" + id + "/marketing", clinician);
        assertThat(used.status()).isEqualTo(200);
        assertThat(TestImages.read(used.body()).getWidth()).isEqualTo(60);

        probe.publish(new ConsentWithdrawn(UUID.randomUUID(), ledgerSubject, indexer.email(email), IDENTIFIABLE,
                "CLINIC", "2026-01", Instant.now().plusMillis(5)));
        PhotoCalls.Bytes stopped = eventually(() -> photos().get("/api/records/photos/" + id + "/marketing", clinician),
                answer -> answer.status() == 409);
        assertThat(stopped.status()).isEqualTo(409);
        assertThat(calls.put(use, identifiable, clinician).status()).isEqualTo(409);
        JsonNode details = calls.get("/api/records/subjects/" + subjectId + "/photos", clinician).json().get(0);
        assertThat(details.path("permittedUse").asString()).isEqualTo("CLINICAL");
        assertThat(details.path("useWithdrawnBecause").asString()).isEqualTo("consent withdrawn in the ledger");
    }

    @Test
    void anAnonymisedCropServesAnonymisedUseOnlyWithItsOwnConsent() {
        String email = "anonymised-" + UUID.randomUUID() + "@example.com";
        String subjectId = subject(email, OffsetDateTime.now().minusDays(1));
        String id = upload(subjectId, TestImages.jpeg(100, 80));
        ServiceCalls calls = new ServiceCalls("http://127.0.0.1:" + port);
        String anonymisedUse = "{\"use\":\"MARKETING_ANONYMISED\"}";
        assertThat(calls.put("/api/records/photos/" + id + "/use", anonymisedUse, clinician).json().path("title")
                .asString()).isEqualTo("No anonymised derivative");

        assertThat(calls.post("/api/records/photos/" + id + "/anonymised",
                "{\"x\":90,\"y\":0,\"width\":20,\"height\":10}", clinician).status()).isEqualTo(400);
        Answer cropped = calls.post("/api/records/photos/" + id + "/anonymised",
                "{\"x\":10,\"y\":20,\"width\":30,\"height\":25}", clinician);
        assertThat(cropped.json().path("anonymisedRegion").path("width").asInt()).isEqualTo(30);
        probe.publish(new ConsentGranted(UUID.randomUUID(), subjectId, null, ANONYMISED, "CLINIC", "2026-01",
                Instant.now()));
        eventually(() -> calls.put("/api/records/photos/" + id + "/use", anonymisedUse, clinician),
                answer -> answer.status() == 200);

        PhotoCalls.Bytes used = photos().get("/api/records/photos/" + id + "/marketing", clinician);
        assertThat(TestImages.read(used.body())).extracting(image -> image.getWidth() + "x" + image.getHeight())
                .isEqualTo("30x25");
        assertThat(photos().get("/api/records/photos/" + id + "/marketing", TestTokens.get().staff("RECEPTION"))
                .status()).isEqualTo(403);
    }

    @Test
    void noAnonymisedCropIsMadeOfARestrictedPersonsPhotoAndMakingOneIsInTheReadAudit() {
        String email = "crop-restricted-" + UUID.randomUUID() + "@example.com";
        String subjectId = subject(email, OffsetDateTime.now().minusDays(1));
        String id = upload(subjectId, TestImages.jpeg(100, 80));
        ServiceCalls calls = new ServiceCalls("http://127.0.0.1:" + port);
        String region = "{\"x\":10,\"y\":20,\"width\":30,\"height\":25}";
        restrictions.restrict(byEmail(email));

        Answer refused = calls.post("/api/records/photos/" + id + "/anonymised", region, clinician);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("title").asString()).isEqualTo("Restricted");
        assertThat(mongo.getCollection("photos").find(new Document("_id", UUID.fromString(id))).first()
                .get("encryptedAnonymised")).isNull();
        restrictions.lift(byEmail(email));
        assertThat(calls.post("/api/records/photos/" + id + "/anonymised", region, clinician).status()).isEqualTo(200);
        assertThat(calls.get("/api/records/subjects/" + subjectId + "/read-audit", clinician).json())
                .extracting(read -> read.path("what").asString()).containsOnlyOnce("photo-anonymise");
    }

    @Test
    void anUploadThatIsNotASafeImageIsAProblemAndStoresNothing() {
        String subjectId = subject("bad-" + UUID.randomUUID() + "@example.com", OffsetDateTime.now().minusDays(1));
        long before = mongo.getCollection("photos").countDocuments();

        PhotoCalls.Bytes disguised = photos().upload(subjectId, "<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8),
                "image/jpeg", null, clinician);
        PhotoCalls.Bytes bomb = photos().upload(subjectId, TestImages.pngDeclaring(60_000, 60_000), "image/png", null,
                clinician);
        PhotoCalls.Bytes nobody = photos().upload(UUID.randomUUID().toString(), TestImages.png(4, 4), "image/png", null,
                clinician);
        PhotoCalls.Bytes officer = photos().upload(subjectId, TestImages.png(4, 4), "image/png", null,
                TestTokens.get().staff("PRIVACY_OFFICER"));

        assertThat(List.of(disguised.status(), bomb.status(), nobody.status(), officer.status()))
                .containsExactly(415, 413, 404, 403);
        assertThat(disguised.contentType()).startsWith("application/problem+json");
        assertThat(bomb.text()).contains("pixels");
        assertThat(mongo.getCollection("photos").countDocuments()).isEqualTo(before);
    }

    @Test
    void photosAreInTheAccessExportWithTheirThumbnail() throws Exception {
        String email = "exported-" + UUID.randomUUID() + "@example.com";
        String subjectId = subject(email, OffsetDateTime.now().minusDays(3));
        String id = upload(subjectId, TestImages.jpegWithGpsExif(80, 60));
        UUID requestId = UUID.randomUUID();
        KeysetHandle key = ExportSeal.newRecipientKey();

        probe.publish(new DataExportRequested(UUID.randomUUID(), requestId, byEmail(email), LocalDate.now().plusMonths(1),
                Instant.now(), DataExportRequested.ACCESS, ExportSeal.publicKeyOf(key)));
        ReceiptIssued receipt = probe.receipt(requestId, "records-service");

        assertThat(receipt.categories()).contains(CategoryOutcome.of("clinical-images", Outcome.EXPORTED, 1));
        JsonNode image = JSON.readTree(ExportSeal.open(key, receipt.sealedExport(), requestId, "records-service"))
                .path("data").path("clinical-images").get(0);
        assertThat(image.path("photoId").asString()).isEqualTo(id);
        assertThat(image.path("caption").asString()).isEqualTo("before, lips, front");
        byte[] thumbnail = Base64.getDecoder().decode(image.path("thumbnailJpegBase64").asString());
        assertThat(TestImages.read(thumbnail).getWidth()).isEqualTo(80);
        assertThat(TestImages.hasApp1(thumbnail)).isFalse();
        byte[] full = Base64.getDecoder().decode(image.path("imageBase64").asString());
        assertThat(TestImages.read(full).getWidth()).isEqualTo(80);
        assertThat(TestImages.read(full).getHeight()).isEqualTo(60);
        assertThat(TestImages.contains(full, TestImages.GPS_MARK.getBytes(StandardCharsets.US_ASCII))).isFalse();
    }

    @Test
    void anExportWithAFullSizePhotoLargerThanAKafkaMessageTravelsInPartsAndHoldsTheWholeImage() throws Exception {
        String email = "large-export-" + UUID.randomUUID() + "@example.com";
        String subjectId = subject(email, OffsetDateTime.now().minusDays(3));
        byte[] large = TestImages.noisyPng(800, 600);
        assertThat(large.length).as("a photo larger than the broker's 1 MB message limit").isGreaterThan(1_048_576);
        upload(subjectId, large);
        UUID requestId = UUID.randomUUID();
        KeysetHandle key = ExportSeal.newRecipientKey();

        probe.publish(new DataExportRequested(UUID.randomUUID(), requestId, byEmail(email), LocalDate.now().plusMonths(1),
                Instant.now(), DataExportRequested.ACCESS, ExportSeal.publicKeyOf(key)));
        ReceiptIssued receipt = probe.receipts(requestId, "records-service", 1, Duration.ofSeconds(60)).get(0);

        assertThat(receipt.sealedExport()).isNull();
        assertThat(receipt.exportParts()).isGreaterThan(1);
        JsonNode image = JSON.readTree(ExportSeal.open(key, probe.sealedExport(receipt), requestId, "records-service"))
                .path("data").path("clinical-images").get(0);
        byte[] full = Base64.getDecoder().decode(image.path("imageBase64").asString());
        assertThat(TestImages.read(full).getWidth()).isEqualTo(800);
        assertThat(TestImages.read(full).getHeight()).isEqualTo(600);
        java.awt.image.BufferedImage uploaded = TestImages.read(large);
        java.awt.image.BufferedImage exported = TestImages.read(full);
        for (int[] at : new int[][] { { 0, 0 }, { 399, 299 }, { 799, 599 }, { 123, 456 } }) {
            assertThat(exported.getRGB(at[0], at[1])).isEqualTo(uploaded.getRGB(at[0], at[1]));
        }
    }

    @Test
    void anErasureAtTheEndOfRetentionCryptoShredsPhotosSoTheirStoredBytesCanNeverBeReadAgain() {
        String email = "shredded-photo-" + UUID.randomUUID() + "@example.com";
        OffsetDateTime longAgo = OffsetDateTime.now(ZoneOffset.UTC).minusYears(9);
        String subjectId = subject(email, longAgo);
        PhotoCalls.Bytes created = photos().upload(subjectId, TestImages.jpeg(40, 30), "image/jpeg",
                longAgo.plusHours(1).toString(), clinician);
        String id = JSON.readTree(created.body()).path("id").asString();
        byte[] stored = mongo.getCollection("photos").find(new Document("_id", UUID.fromString(id))).first()
                .get("encryptedImage", Binary.class).getData();
        assertThat(cipher.decryptBytes(subjectId, id, "image", stored)).isPresent();
        UUID requestId = UUID.randomUUID();

        probe.publish(PrivacyRequestProbe.request("ERASURE", requestId, byEmail(email)));

        assertThat(probe.receipt(requestId, "records-service").categories())
                .contains(CategoryOutcome.of("clinical-images", Outcome.ERASED, 1));
        assertThat(cipher.decryptBytes(subjectId, id, "image", stored)).isEmpty();
        assertThat(mongo.getCollection("photos").countDocuments(new Document("subjectId", subjectId))).isZero();
        assertThat(photos().get("/api/records/photos/" + id, clinician).status()).isEqualTo(404);
    }

    private PhotoCalls photos() {
        return new PhotoCalls(port);
    }

    private String upload(String subjectId, byte[] image) {
        PhotoCalls.Bytes created = photos().upload(subjectId, image, "image/png", null, clinician);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return JSON.readTree(created.body()).path("id").asString();
    }

    /** A subject with one consultation at {@code at}; returns its subject id. */
    private String subject(String email, OffsetDateTime at) {
        Answer created = new ServiceCalls("http://127.0.0.1:" + port).post("/api/records/entries", """
                {"email":"%s","kind":"CONSULTATION","recordedAt":"%s","notes":"photos discussed"}
                """.formatted(email, at), clinician);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().path("subjectId").asString();
    }

    private SubjectIdentifiers byEmail(String email) {
        return new SubjectIdentifiers(List.of(), List.of(indexer.email(email)), List.of());
    }

    /** Asks until the answer is as expected or 20 seconds pass; returns the last answer. */
    static <T> T eventually(Supplier<T> ask, Predicate<T> expected) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        T answer = ask.get();
        while (!expected.test(answer) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            answer = ask.get();
        }
        return answer;
    }
}
