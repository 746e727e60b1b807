package uk.alluris.gateway.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.alluris.gateway.GatewayCalls;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.testsupport.ServiceEndpoints;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "alluris.front-door.trusted-proxies=127.0.0.1")
@UsesEmbeddedInfrastructure
class ClientSignInIntegrationTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
            .withPerMethodLifecycle(false);
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    private static final ExecutorService GUESSERS = Executors.newFixedThreadPool(12);

    @LocalServerPort
    int port;
    @Autowired
    BlindIndexer indexer;
    @Autowired
    ClientCodes codes;

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    private GatewayCalls calls() {
        return new GatewayCalls(port, "203.0.113." + (int) (Math.random() * 250));
    }

    @Test
    void aCodeByEmailBecomesATokenBoundToThatPersonAndTheSessionCookie() {
        String email = "client-" + UUID.randomUUID() + "@example.com";
        GatewayCalls calls = calls();

        assertThat(calls.post("/auth/client/code", "{\"email\":\"" + email + "\"}").statusCode()).isEqualTo(202);
        HttpResponse<String> token = calls.post("/auth/client/token",
                "{\"email\":\"" + email.toUpperCase() + "\",\"code\":\"" + codeSentTo(email) + "\"}");

        assertThat(token.statusCode()).isEqualTo(200);
        Jwt jwt = NimbusJwtDecoder.withJwkSetUri("http://127.0.0.1:" + port + "/.well-known/jwks.json").build()
                .decode(ServiceEndpoints.json(token).path("accessToken").asString());
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("CLIENT");
        assertThat(jwt.getClaimAsString("email_index")).isEqualTo(indexer.email(email)).isEqualTo(jwt.getSubject());
        assertThat(token.body()).doesNotContain(email);
        // the portal's pages authenticate with the same strict session cookie as the staff dashboard
        assertThat(token.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("ALLURIS_SESSION=" + jwt.getTokenValue()).contains("HttpOnly", "Secure", "SameSite=Strict"));
    }

    @Test
    void aCodeWorksOnce() {
        String email = "once-" + UUID.randomUUID() + "@example.com";
        GatewayCalls calls = calls();
        calls.post("/auth/client/code", "{\"email\":\"" + email + "\"}");
        String exchange = "{\"email\":\"" + email + "\",\"code\":\"" + codeSentTo(email) + "\"}";

        assertThat(calls.post("/auth/client/token", exchange).statusCode()).isEqualTo(200);
        assertThat(calls.post("/auth/client/token", exchange).statusCode()).isEqualTo(401);
    }

    @Test
    void fiveWrongCodesSpendTheCode() {
        String email = "guess-" + UUID.randomUUID() + "@example.com";
        GatewayCalls calls = calls();
        calls.post("/auth/client/code", "{\"email\":\"" + email + "\"}");
        String code = codeSentTo(email);
        String wrong = code.equals("000000") ? "111111" : "000000";

        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(calls.post("/auth/client/token", "{\"email\":\"" + email + "\",\"code\":\"" + wrong + "\"}")
                    .statusCode()).isEqualTo(401);
        }

        assertThat(calls.post("/auth/client/token", "{\"email\":\"" + email + "\",\"code\":\"" + code + "\"}")
                .statusCode()).isEqualTo(401);
    }

    @Test
    void twelveParallelWrongGuessesSpendTwelveTriesSoTheCodeIsDead() {
        String email = "race-" + UUID.randomUUID() + "@example.com";
        calls().post("/auth/client/code", "{\"email\":\"" + email + "\"}");
        String code = codeSentTo(email);
        String wrong = code.equals("000000") ? "111111" : "000000";
        GatewayCalls attacker = calls();

        List<Integer> answers = IntStream.range(0, 12).mapToObj(i -> CompletableFuture.supplyAsync(
                () -> attacker.post("/auth/client/token", "{\"email\":\"" + email + "\",\"code\":\"" + wrong + "\"}")
                        .statusCode(), GUESSERS)).toList().stream().map(CompletableFuture::join).toList();

        assertThat(answers).containsOnly(401).hasSize(12);
        assertThat(codes.findById(indexer.email(email)).block().attemptsLeft()).isZero();
        assertThat(calls().post("/auth/client/token", "{\"email\":\"" + email + "\",\"code\":\"" + code + "\"}")
                .statusCode()).isEqualTo(401);
    }

    @Test
    void aReplacedCodeNeverBecomesValidAgain() {
        String email = "replaced-" + UUID.randomUUID() + "@example.com";
        GatewayCalls calls = calls();
        calls.post("/auth/client/code", "{\"email\":\"" + email + "\"}");
        String first = codeSentTo(email);
        calls.post("/auth/client/code", "{\"email\":\"" + email + "\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> messagesTo(email).length == 2);
        String second = codeSentTo(email);

        if (!first.equals(second)) {
            assertThat(calls.post("/auth/client/token", "{\"email\":\"" + email + "\",\"code\":\"" + first + "\"}")
                    .statusCode()).isEqualTo(401);
        }
        assertThat(calls.post("/auth/client/token", "{\"email\":\"" + email + "\",\"code\":\"" + second + "\"}")
                .statusCode()).isEqualTo(200);
        assertThat(calls.post("/auth/client/token", "{\"email\":\"" + email + "\",\"code\":\"" + second + "\"}")
                .statusCode()).isEqualTo(401);
    }

    @Test
    void twoParallelRightAnswersGetOneToken() {
        String email = "twice-" + UUID.randomUUID() + "@example.com";
        calls().post("/auth/client/code", "{\"email\":\"" + email + "\"}");
        String exchange = "{\"email\":\"" + email + "\",\"code\":\"" + codeSentTo(email) + "\"}";
        GatewayCalls calls = calls();

        List<Integer> answers = IntStream.range(0, 4).mapToObj(i -> CompletableFuture.supplyAsync(
                () -> calls.post("/auth/client/token", exchange).statusCode(), GUESSERS)).toList().stream()
                .map(CompletableFuture::join).toList();

        assertThat(answers).containsExactlyInAnyOrder(200, 401, 401, 401);
    }

    @Test
    void theAnswerIsTheSameForEveryAddressAndBadOnesAre400() {
        HttpResponse<String> someone = calls().post("/auth/client/code", "{\"email\":\"someone-" + UUID.randomUUID() + "@example.com\"}");
        HttpResponse<String> other = calls().post("/auth/client/code", "{\"email\":\"other-" + UUID.randomUUID() + "@example.com\"}");

        assertThat(someone.statusCode()).isEqualTo(other.statusCode()).isEqualTo(202);
        assertThat(someone.body()).isEqualTo(other.body());
        assertThat(calls().post("/auth/client/code", "{\"email\":\"not-an-address\"}").statusCode()).isEqualTo(400);
        assertThat(calls().post("/auth/client/token", "{\"email\":\"a@example.com\",\"code\":\"12ab\"}").statusCode())
                .isEqualTo(400);
    }

    @Test
    void oneAddressGetsAtMostThreeCodesAQuarterHourWhoeverAsks() {
        String body = "{\"email\":\"flooded-" + UUID.randomUUID() + "@example.com\"}";
        for (int i = 0; i < 3; i++) {
            assertThat(calls().post("/auth/client/code", body).statusCode()).isEqualTo(202);
        }

        HttpResponse<String> fourth = calls().post("/auth/client/code", body);

        assertThat(fourth.statusCode()).isEqualTo(429);
        assertThat(fourth.headers().firstValue("Retry-After")).isPresent();
    }

    private static String codeSentTo(String email) {
        await().atMost(Duration.ofSeconds(10)).until(() -> messagesTo(email).length > 0);
        MimeMessage[] messages = messagesTo(email);
        Matcher code = CODE.matcher(GreenMailUtil.getBody(messages[messages.length - 1]));
        assertThat(code.find()).isTrue();
        return code.group(1);
    }

    private static MimeMessage[] messagesTo(String email) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equalsIgnoreCase(email);
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toArray(MimeMessage[]::new);
    }
}
