package uk.alluris.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulator answers Stripe's calls only with the secret key, once per idempotency key, and pays on its page. */
class PaymentSimulatorIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final PaymentSimulator simulator = start();

    @AfterEach
    void stop() {
        simulator.stop();
    }

    @Test
    void anIntentIsCreatedOncePerIdempotencyKeyAndOnlyWithTheSecretKey() throws Exception {
        String form = "amount=5000&currency=gbp&metadata%5Bappointment_id%5D=a-1";

        HttpResponse<String> first = post("/v1/payment_intents", form, "sk_test_key", "deposit-a-1");
        HttpResponse<String> again = post("/v1/payment_intents", form, "sk_test_key", "deposit-a-1");
        HttpResponse<String> stranger = post("/v1/payment_intents", form, "sk_wrong", "deposit-a-2");
        HttpResponse<String> noCurrency = post("/v1/payment_intents", "amount=5000", "sk_test_key", "deposit-a-3");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("\"amount\":5000").contains("\"status\":\"requires_payment_method\"")
                .contains("\"appointment_id\":\"a-1\"").contains("_secret_");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(stranger.statusCode()).isEqualTo(401);
        assertThat(noCurrency.statusCode()).isEqualTo(400);
    }

    @Test
    void theCheckoutPagePaysTheIntentAndOnlyAPaidIntentIsRefundedAndOnlyOnce() throws Exception {
        String intent = idOf(post("/v1/payment_intents", "amount=2500&currency=gbp", "sk_test_key", "k-1").body());
        assertThat(post("/v1/refunds", "payment_intent=" + intent, "sk_test_key", "r-0").statusCode()).isEqualTo(400);

        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(url("/checkout/" + intent)).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> paid = post("/checkout/" + intent, "", null, null);

        assertThat(page.body()).contains("£25.00").contains("id=\"pay\"").doesNotContain("card number");
        assertThat(paid.body()).contains("Paid");
        assertThat(simulator.intent(intent).status()).isEqualTo("succeeded");
        HttpResponse<String> refund = post("/v1/refunds", "payment_intent=" + intent, "sk_test_key", "r-1");
        assertThat(refund.body()).contains("\"status\":\"succeeded\"");
        assertThat(post("/v1/refunds", "payment_intent=" + intent, "sk_test_key", "r-1").body()).isEqualTo(refund.body());
        assertThat(post("/v1/refunds", "payment_intent=" + intent, "sk_test_key", "r-2").statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> post(String path, String form, String key, String idempotencyKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + simulator.port() + path);
    }

    private static String idOf(String json) {
        return json.replaceAll(".*\"id\":\"(pi_[a-z0-9]+)\".*", "$1");
    }

    private static PaymentSimulator start() {
        try {
            return PaymentSimulator.start(0, "sk_test_key", "a-webhook-secret-of-length", null);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
