package uk.alluris.gateway.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import uk.alluris.events.Topics;
import uk.alluris.gateway.GatewayCalls;
import uk.alluris.kit.security.RevokedTokens;
import uk.alluris.testsupport.EmbeddedInfrastructure;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "alluris.staff.local-staff-password=local-test-password",
        "alluris.front-door.trusted-proxies=127.0.0.1" })
@UsesEmbeddedInfrastructure
class SignOutIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    SecondFactor secondFactor;
    @Autowired
    RevokedTokens revoked;

    @Test
    void signingOutRevokesTheTokenAndPublishesOnlyItsIdAndExpiry() {
        GatewayCalls calls = new GatewayCalls(port, "198.18.2." + (int) (Math.random() * 250));
        StaffSignIns staff = new StaffSignIns(accounts, passwords, secondFactor);
        String admin = staff.account(Role.ADMIN);
        String token = StaffSignIns.signedIn(calls, admin, staff.enrolled(admin));
        String jti = NimbusJwtDecoder.withJwkSetUri("http://127.0.0.1:" + port + "/.well-known/jwks.json").build()
                .decode(token).getId();
        assertThat(list(calls, token).statusCode()).isEqualTo(200);

        HttpResponse<String> out = calls.send(calls.request("/auth/logout").header("Authorization", "Bearer " + token)
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));

        assertThat(out.statusCode()).isEqualTo(204);
        assertThat(revoked.isRevoked(jti)).isTrue();
        assertThat(list(calls, token).statusCode()).isEqualTo(401);
        ConsumerRecord<String, byte[]> published = revocationOf(jti);
        String body = new String(published.value(), StandardCharsets.UTF_8);
        assertThat(body).contains(jti).contains("expiresAt").doesNotContain(admin).doesNotContain("ADMIN");
        assertThat(new String(published.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                .isEqualTo("uk.alluris.auth.TokenRevoked.v1");
    }

    private static HttpResponse<String> list(GatewayCalls calls, String token) {
        return calls.send(calls.request("/api/staff/accounts").header("Authorization", "Bearer " + token).GET());
    }

    private static ConsumerRecord<String, byte[]> revocationOf(String jti) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.AUTH_REVOCATIONS));
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            while (Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
                var match = seen.stream().filter(r -> jti.equals(r.key())).findFirst();
                if (match.isPresent()) {
                    return match.get();
                }
            }
            throw new AssertionError("no TokenRevoked for the token on " + Topics.AUTH_REVOCATIONS);
        }
    }
}
