package uk.alluris.records.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.KeysetHandle;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.events.DataExportRequested;
import uk.alluris.events.Outcome;
import uk.alluris.events.ReceiptIssued;
import uk.alluris.events.SubjectIdentifiers;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.kit.privacy.ExportSeal;
import uk.alluris.testsupport.PrivacyRequestProbe;
import uk.alluris.testsupport.ServiceCalls;
import uk.alluris.testsupport.ServiceCalls.Answer;
import uk.alluris.testsupport.TestTokens;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

/** Treatment consent forms: versioned templates, signed and witnessed, rendered to PDF, hashed, kept encrypted. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesEmbeddedInfrastructure
class ConsentFormsIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    @RegisterExtension
    static final PrivacyRequestProbe probe = new PrivacyRequestProbe();

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    BlindIndexer indexer;

    private final String clinician = TestTokens.get().staff("CLINICIAN");

    @Test
    void aSignedFormsPdfOpensShowsWhatWasSignedAndItsHashMatches() throws Exception {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String treatment = "lip-filler-" + UUID.randomUUID().toString().substring(0, 8);
        String first = template(calls, treatment, "Risks: swelling and bruising.");
        Answer second = calls.post("/api/records/consent-form-templates", """
                {"treatment":"%s","title":"Lip filler consent","body":"Risks: swelling, bruising and, rarely, occlusion."}
                """.formatted(treatment), clinician);
        assertThat(second.json().path("version").asInt()).isEqualTo(2);
        String subjectId = subject(calls, "signer-" + UUID.randomUUID() + "@example.com");

        Answer signed = calls.post("/api/records/subjects/" + subjectId + "/consent-forms", """
                {"templateId":"%s","signerName":"Ada Lovelace","signature":"%s"}
                """.formatted(first, signature()), clinician);

        assertThat(signed.status()).as(signed.text()).isEqualTo(201);
        assertThat(signed.json().path("formVersion").asInt()).isEqualTo(1);
        assertThat(signed.json().path("witnessedBy").asString()).isEqualTo("staff-CLINICIAN");
        byte[] pdf = download(signed.json().path("pdf").asString(), clinician).body();
        assertThat(Sha256.of(pdf)).isEqualTo(signed.json().path("pdfSha256").asString());
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Lip filler consent", "Risks: swelling and bruising.", "Signed by: Ada Lovelace",
                    "Witnessed by: staff-CLINICIAN", "Form version: 1");
            assertThat(document.getPage(0).getResources().getXObjectNames()).isNotEmpty();
        }
        assertThat(signed.json().path("templateSha256").asString()).isEqualTo(Sha256.of("Risks: swelling and bruising."));
        String raw = mongo.getCollection("consent_forms").find(new Document("subjectId", subjectId)).first().toJson();
        assertThat(raw).doesNotContain("Ada").doesNotContain("Lovelace").doesNotContain("JVBER");
    }

    @Test
    void theClientDownloadsTheirOwnFormOnlyAndItIsInTheirAccessExport() throws Exception {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "client-form-" + UUID.randomUUID() + "@example.com";
        String subjectId = subject(calls, email);
        String template = template(calls, "peel-" + UUID.randomUUID().toString().substring(0, 8), "Peel risks.");
        JsonNode form = calls.post("/api/records/subjects/" + subjectId + "/consent-forms", """
                {"templateId":"%s","signerName":"Grace Hopper","signature":"%s"}
                """.formatted(template, signature()), clinician).json();
        String pdfPath = form.path("pdf").asString();

        HttpResponse<byte[]> own = download(pdfPath, TestTokens.get().client(indexer.email(email)));
        HttpResponse<byte[]> someoneElses = download(pdfPath, TestTokens.get().client(indexer.email("x-" + email)));
        HttpResponse<byte[]> reception = download(pdfPath, TestTokens.get().staff("RECEPTION"));

        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(Sha256.of(own.body())).isEqualTo(form.path("pdfSha256").asString());
        assertThat(List.of(someoneElses.statusCode(), reception.statusCode())).containsExactly(404, 403);
        UUID requestId = UUID.randomUUID();
        KeysetHandle key = ExportSeal.newRecipientKey();
        probe.publish(new DataExportRequested(UUID.randomUUID(), requestId,
                new SubjectIdentifiers(List.of(), List.of(indexer.email(email)), List.of()), LocalDate.now().plusMonths(1),
                Instant.now(), DataExportRequested.ACCESS, ExportSeal.publicKeyOf(key)));
        ReceiptIssued receipt = probe.receipt(requestId, "records-service");
        assertThat(receipt.categories()).contains(CategoryOutcome.of("signed-consent-forms", Outcome.EXPORTED, 1));
        JsonNode exported = JSON.readTree(ExportSeal.open(key, receipt.sealedExport(), requestId, "records-service"))
                .path("data").path("signed-consent-forms").get(0);
        assertThat(exported.path("signerName").asString()).isEqualTo("Grace Hopper");
        assertThat(Sha256.of(Base64.getDecoder().decode(exported.path("pdfBase64").asString())))
                .isEqualTo(form.path("pdfSha256").asString());
    }

    @Test
    void aSignatureThatIsNotAPngDataUrlIsRefusedAndNothingIsStored() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String subjectId = subject(calls, "bad-signature-" + UUID.randomUUID() + "@example.com");
        String template = template(calls, "botox-" + UUID.randomUUID().toString().substring(0, 8), "Botox risks.");
        String gif = "data:image/png;base64," + Base64.getEncoder().encodeToString("GIF89a".getBytes());

        List<Answer> answers = List.of(
                sign(calls, subjectId, template, "data:image/jpeg;base64,AAAA"),
                sign(calls, subjectId, template, gif),
                sign(calls, subjectId, template, "data:image/png;base64,%%%"),
                sign(calls, subjectId, UUID.randomUUID().toString(), signature()));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.text()).isEqualTo(400);
            assertThat(answer.json().path("detail").asString()).containsAnyOf("signature", "templateId");
        });
        assertThat(mongo.getCollection("consent_forms").countDocuments(new Document("subjectId", subjectId))).isZero();
    }

    private Answer sign(ServiceCalls calls, String subjectId, String template, String signature) {
        return calls.post("/api/records/subjects/" + subjectId + "/consent-forms", """
                {"templateId":"%s","signerName":"Someone","signature":"%s"}
                """.formatted(template, signature), clinician);
    }

    private String template(ServiceCalls calls, String treatment, String body) {
        Answer created = calls.post("/api/records/consent-form-templates", """
                {"treatment":"%s","title":"Lip filler consent","body":"%s"}
                """.formatted(treatment, body), clinician);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private String subject(ServiceCalls calls, String email) {
        Answer created = calls.post("/api/records/entries", """
                {"email":"%s","kind":"CONSULTATION","recordedAt":"%s","notes":"consent discussed"}
                """.formatted(email, OffsetDateTime.now().minusHours(1)), clinician);
        return created.json().path("subjectId").asString();
    }

    private HttpResponse<byte[]> download(String path, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A signature as a drawing pad sends it: a PNG data URL of a stroke. */
    private static String signature() {
        BufferedImage pad = new BufferedImage(200, 60, BufferedImage.TYPE_INT_ARGB);
        Graphics2D pen = pad.createGraphics();
        pen.setColor(Color.BLACK);
        pen.setStroke(new BasicStroke(3));
        pen.drawLine(10, 40, 60, 15);
        pen.drawLine(60, 15, 120, 45);
        pen.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(pad, "png", png);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
    }
}
