package uk.alluris.booking.processor;

import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;

/**
 * The processor, spoken to as Stripe's REST API is: form-encoded {@code POST /v1/payment_intents} and
 * {@code POST /v1/refunds}, {@code GET /v1/payment_intents/{id}}, the secret key as a bearer token and an
 * {@code Idempotency-Key} header on every create. The same code talks to real Stripe or to the local simulator;
 * only {@code alluris.booking.processor.base-url} and the key differ.
 */
@Component
@EnableConfigurationProperties(ProcessorProperties.class)
class StripePaymentProcessor implements PaymentProcessor {

    private final RestClient http;

    StripePaymentProcessor(ProcessorProperties properties) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(properties.timeout());
        requests.setReadTimeout(properties.timeout());
        this.http = RestClient.builder().baseUrl(properties.baseUrl()).requestFactory(requests)
                .defaultHeader("Authorization", "Bearer " + properties.secretKey()).build();
    }

    @Override
    public Intent createIntent(UUID appointmentId, long amountPence, String idempotencyKey) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("amount", Long.toString(amountPence));
        form.add("currency", "gbp");
        form.add("metadata[appointment_id]", appointmentId.toString());
        form.add("automatic_payment_methods[enabled]", "true");
        return intent(post("/v1/payment_intents", form, idempotencyKey));
    }

    @Override
    public Intent retrieve(String intentId) {
        try {
            return intent(http.get().uri("/v1/payment_intents/{id}", intentId).retrieve().body(JsonNode.class));
        } catch (RestClientException e) {
            throw new ProcessorFailed("retrieving a payment intent failed", e);
        }
    }

    @Override
    public Refund refund(String intentId, String idempotencyKey) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("payment_intent", intentId);
        JsonNode refund = post("/v1/refunds", form, idempotencyKey);
        return new Refund(refund.path("id").asString(), refund.path("payment_intent").asString(intentId),
                refund.path("amount").asLong(), refund.path("status").asString());
    }

    private JsonNode post(String path, MultiValueMap<String, String> form, String idempotencyKey) {
        try {
            return http.post().uri(path).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .header("Idempotency-Key", idempotencyKey).body(form).retrieve().body(JsonNode.class);
        } catch (RestClientException e) {
            // the message may hold the processor's answer, never card data: the platform sends none
            throw new ProcessorFailed("POST " + path + " failed", e);
        }
    }

    private static Intent intent(JsonNode json) {
        return new Intent(json.path("id").asString(), json.path("client_secret").asString(),
                json.path("amount").asLong(), json.path("currency").asString(), json.path("status").asString());
    }
}
