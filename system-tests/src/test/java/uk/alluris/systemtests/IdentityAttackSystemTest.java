package uk.alluris.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.MessagingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.alluris.testsupport.ServiceCalls.Answer;

/**
 * Issue 12, identity and abuse, tried as an attacker would against the packaged platform through the gateway: each
 * test is one attack that worked before and must fail now. Acting on another person by naming their phone number,
 * racing or farming verification codes, an officer writing clinical records; and the two things that must keep
 * working: a person's own details in their own records, and a signed-in client filing without a second proof.
 */
class IdentityAttackSystemTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Journey journey;

    @BeforeAll
    static void signIn() {
        journey = new Journey();
    }

    @Test
    void anAccessRequestUnderTheAttackersEmailWithTheVictimsPhoneYieldsNothingOfTheVictim() {
        Journey.Person victim = journey.person("hijack-access-victim");
        String victimClientId = seedVictim(victim);
        Journey.Person attacker = new Journey.Person(journey.person("hijack-access-attacker").email(), victim.phone(),
                victim.fullName());

        JsonNode verified = journey.fileAndVerify("ACCESS", attacker, "");

        String id = verified.path("id").asString();
        JsonNode done = journey.awaitCompleted(id);
        assertThat(Journey.categories(done.path("services").path("booking-service")))
                .contains("contact-profile=NOT_HELD/0");
        assertThat(Journey.categories(done.path("services").path("marketing-service")))
                .contains("subscriptions=NOT_HELD/0");
        Map<String, String> bundle = bundle(id, verified.path("downloadToken").asString());
        String everything = String.join("\n", bundle.values());
        assertThat(everything).doesNotContain(victim.email()).doesNotContain(victimClientId)
                .doesNotContain(victim.phone().replace(" ", "").substring(1)).doesNotContain("1984-07-19");
    }

    @Test
    void anErasureRequestUnderTheAttackersEmailWithTheVictimsPhoneLeavesTheVictimsProfileIntact() {
        Journey.Person victim = journey.person("hijack-erase-victim");
        String victimClientId = seedVictim(victim);
        Journey.Person attacker = new Journey.Person(journey.person("hijack-erase-attacker").email(), victim.phone(),
                victim.fullName());

        JsonNode done = journey.awaitCompleted(journey.fileAndVerify("ERASURE", attacker));

        assertThat(Journey.categories(done.path("services").path("booking-service")))
                .contains("contact-profile=NOT_HELD/0");
        assertThat(Journey.categories(done.path("services").path("marketing-service")))
                .contains("subscribers=NOT_HELD/0");
        Answer profile = journey.client.call("GET", "/api/bookings/clients/" + victimClientId, null, journey.reception);
        assertThat(profile.status()).isEqualTo(200);
        assertThat(profile.json().path("fullName").asString()).isEqualTo(victim.fullName());
        assertThat(profile.json().path("email").asString()).isEqualTo(victim.email());
    }

    @Test
    void aPersonsOwnEmailAndPhoneInTheirOwnClinicalNoteAreNotRedactedFromTheirAccessBundle() {
        Journey.Person person = journey.person("own-note");
        String note = "Prefers email '" + person.email() + "' or a call on " + person.phone() + "; sister on"
                + " 'sister@example.org'.";
        Answer entry = journey.client.call("POST", "/api/records/entries", """
                {"email":"%s","phone":"%s","kind":"CONSULTATION","recordedAt":"%s","notes":"%s"}
                """.formatted(person.email(), person.phone(), OffsetDateTime.now(ZoneOffset.UTC).minusDays(3), note),
                journey.clinician);
        assertThat(entry.status()).as(entry.text()).isEqualTo(201);

        JsonNode verified = journey.fileAndVerify("ACCESS", person, "");
        journey.awaitCompleted(verified.path("id").asString());

        String records = bundle(verified.path("id").asString(), verified.path("downloadToken").asString())
                .get("records-service.json");
        assertThat(records).contains("Prefers email '" + person.email() + "' or a call on " + person.phone()
                + "; sister on '[redacted: another person's email address]'.");
    }

    @Test
    void twelveParallelWrongCodesSpendTwelveTriesAndTheRightCodeAfterwardsFails() throws Exception {
        PlatformClient guesser = new PlatformClient(RunningPlatform.get());
        String email = "race-" + UUID.randomUUID() + "@example.com";
        String id = file(guesser, email, null).json().path("id").asString();
        String code = guesser.codeMailedTo(email, Journey.CODE);
        String wrong = code.equals("000000") ? "111111" : "000000";

        List<Integer> answers = parallel(12, () -> guesser.call("POST", "/api/privacy/requests/" + id + "/verification",
                "{\"code\":\"" + wrong + "\"}", null).status());

        assertThat(answers).hasSize(12).containsOnly(422);
        Answer right = guesser.call("POST", "/api/privacy/requests/" + id + "/verification", "{\"code\":\"" + code + "\"}",
                null);
        assertThat(right.status()).isEqualTo(422);
        JsonNode request = guesser.call("GET", "/api/privacy/requests/" + id, null, journey.officer).json();
        assertThat(request.path("status").asString()).isEqualTo("AWAITING_VERIFICATION");
        assertThat(guesser.call("GET", "/api/privacy/requests/" + id + "/evidence", null, journey.officer).json()
                .findValuesAsString("step")).filteredOn("VERIFICATION_FAILED"::equals).hasSize(5);
    }

    @Test
    void aFourthUnverifiedFilingForOneAddressIsAnsweredAlikeAndSendsNoMail() {
        PlatformClient bomber = new PlatformClient(RunningPlatform.get());
        String email = "bombed-" + UUID.randomUUID() + "@example.com";
        List<Answer> first = IntStream.range(0, 3).mapToObj(i -> file(bomber, email, null)).toList();
        assertThat(mailsTo(email)).isEqualTo(3);

        Answer fourth = file(bomber, email, null);

        assertThat(fourth.status()).isEqualTo(first.get(0).status()).isEqualTo(202);
        assertThat(fourth.json().propertyNames()).containsExactlyElementsOf(first.get(0).json().propertyNames());
        assertThat(fourth.json().path("status").asString()).isEqualTo(first.get(0).json().path("status").asString());
        // the code mail is sent before the filing is answered: one not here now was never sent
        assertThat(mailsTo(email)).isEqualTo(3);
        Answer guessed = bomber.call("POST", "/api/privacy/requests/" + fourth.json().path("id").asString()
                + "/verification", "{\"code\":\"123456\"}", null);
        assertThat(guessed.status()).isEqualTo(422);
    }

    @Test
    void thePrivacyOfficerCannotWriteAClinicalEntry() {
        Answer written = journey.client.call("POST", "/api/records/entries", """
                {"email":"officer-write-%s@example.com","kind":"CONSULTATION","recordedAt":"%s","notes":"forged"}
                """.formatted(UUID.randomUUID(), OffsetDateTime.now(ZoneOffset.UTC).minusHours(1)), journey.officer);

        assertThat(written.status()).isEqualTo(403);
        assertThat(written.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aSignedInClientFilesUnderTheirOwnAddressWithoutASecondCode() {
        PlatformClient portal = new PlatformClient(RunningPlatform.get());
        String email = "portal-" + UUID.randomUUID() + "@example.com";
        String token = portal.clientToken(email);
        long mailsAfterSignIn = mailsTo(email);

        Answer filed = portal.call("POST", "/api/privacy/requests",
                "{\"type\":\"ACCESS\",\"email\":\"" + email + "\"}", token);

        assertThat(filed.status()).as(filed.text()).isEqualTo(202);
        assertThat(filed.json().path("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(filed.json().path("downloadToken").asString()).isNotBlank();
        assertThat(mailsTo(email)).isEqualTo(mailsAfterSignIn);
        assertThat(journey.awaitCompleted(filed.json().path("id").asString()).path("status").asString())
                .isEqualTo("COMPLETED");
        assertThat(portal.call("GET", "/api/privacy/requests/" + filed.json().path("id").asString(), null, token).status())
                .isEqualTo(200);
    }

    /**
     * The victim as booking and marketing hold them, phone number included (what the attacker names); no consent
     * entries, so that the victim's data left standing here is nothing another system test looks for.
     */
    private static String seedVictim(Journey.Person victim) {
        Answer registered = journey.client.call("POST", "/api/bookings/clients", """
                {"fullName":"%s","email":"%s","phone":"%s","dateOfBirth":"1984-07-19"}
                """.formatted(victim.fullName(), victim.email(), victim.phone()), journey.reception);
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        assertThat(journey.subscribe(victim).status()).isEqualTo(201);
        return registered.json().path("id").asString();
    }

    private static Answer file(PlatformClient caller, String email, String token) {
        return caller.call("POST", "/api/privacy/requests", "{\"type\":\"ERASURE\",\"email\":\"" + email + "\"}", token);
    }

    private static long mailsTo(String email) {
        return Arrays.stream(RunningPlatform.get().mail().getReceivedMessages()).filter(message -> {
            try {
                return message.getAllRecipients()[0].toString().equalsIgnoreCase(email);
            } catch (MessagingException e) {
                return false;
            }
        }).count();
    }

    private static <T> List<T> parallel(int times, Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(times);
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> future : pool.invokeAll(IntStream.range(0, times).mapToObj(i -> call).toList())) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The request's bundle, once ready, downloaded with the requester's token: file name to content. */
    private static Map<String, String> bundle(String id, String token) {
        await().atMost(Duration.ofSeconds(30)).until(() -> "READY".equals(journey.client
                .call("GET", "/api/privacy/requests/" + id, null, journey.officer).json().path("bundle").path("status")
                .asString()));
        HttpRequest request = HttpRequest.newBuilder(URI.create(RunningPlatform.get().gatewayUrl()
                + "/api/privacy/requests/" + id + "/bundle")).header("X-Forwarded-For", "198.18.201.1")
                .header("X-Request-Token", token).GET().build();
        Map<String, String> files = new LinkedHashMap<>();
        try {
            HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(response.body()))) {
                for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return files;
    }
}
