package uk.alluris.marketing.leads;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.alluris.marketing.MarketingProperties;

/**
 * Meta's Graph API, for a lead's fields: {@code GET {base}/{leadgen id}?access_token={page token}}. Each fetch is
 * retried (exponential backoff) on what may pass — no answer, a 5xx, a 429 — and goes through a circuit breaker, so a
 * Graph outage fails fast instead of tying up threads; the caller keeps the lead id pending and tries again later.
 */
class GraphLeads {

    public static final String NAME = "metaGraph";
    static final Pattern LEAD_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");

    /** A lead as the Graph API returns it: the first value of each field, and the consent checkboxes ticked. */
    public record MetaLead(String id, Instant createdTime, Map<String, String> fields, Set<String> checkedBoxes) {
    }

    /** The lead could not be fetched now; {@code reason} says why in a word (never the answer's body). */
    public static class Unavailable extends RuntimeException {

        Unavailable(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    private final RestClient http;
    private final String baseUrl;
    private final String pageToken;
    private final Retry retry;
    private final CircuitBreaker breaker;

    public GraphLeads(MarketingProperties.Meta meta) {
        this(meta, CircuitBreakerRegistry.ofDefaults(), RetryRegistry.ofDefaults());
    }

    /** With the breaker and the retry taken from registries (whose metrics are published). */
    public GraphLeads(MarketingProperties.Meta meta, CircuitBreakerRegistry breakers, RetryRegistry retries) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(meta.graphTimeout()).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(meta.graphTimeout());
        this.http = RestClient.builder().requestFactory(factory).build();
        this.baseUrl = meta.graphBaseUrl();
        this.pageToken = meta.pageAccessToken();
        Predicate<Throwable> passing = GraphLeads::mayPass;
        this.retry = retries.retry(NAME, RetryConfig.custom()
                .maxAttempts(Math.max(1, meta.graphAttempts()))
                .intervalFunction(IntervalFunction.ofExponentialBackoff(meta.graphRetryWait(), 2.0))
                .retryOnException(passing)
                .build());
        this.breaker = breakers.circuitBreaker(NAME, CircuitBreakerConfig.custom()
                .slidingWindowSize(Math.max(20, meta.circuitBreakerMinimumCalls()))
                .minimumNumberOfCalls(meta.circuitBreakerMinimumCalls())
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(30))
                .permittedNumberOfCallsInHalfOpenState(2)
                .recordException(passing)
                .build());
    }

    public CircuitBreaker circuitBreaker() {
        return breaker;
    }

    public Retry retry() {
        return retry;
    }

    /**
     * The lead's fields.
     *
     * @throws Unavailable when it cannot be had now (after retries, or with the circuit open)
     */
    public MetaLead fetch(String leadgenId) {
        if (!LEAD_ID.matcher(leadgenId).matches()) {
            throw new Unavailable("malformed lead id", null);
        }
        try {
            String body = Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, () -> http.get()
                    .uri(baseUrl + "/{id}?access_token={token}", leadgenId, pageToken)
                    .retrieve()
                    .body(String.class))).get();
            return parse(body);
        } catch (CallNotPermittedException e) {
            throw new Unavailable("circuit open", e);
        } catch (HttpClientErrorException e) {
            throw new Unavailable("graph answered " + e.getStatusCode().value(), e);
        } catch (HttpServerErrorException e) {
            throw new Unavailable("graph answered " + e.getStatusCode().value(), e);
        } catch (ResourceAccessException e) {
            throw new Unavailable("graph unreachable", e);
        } catch (RestClientException | JacksonException e) {
            throw new Unavailable("graph answer unreadable", e);
        }
    }

    static MetaLead parse(String body) {
        if (body == null) {
            throw new Unavailable("graph answer empty", null);
        }
        JsonNode lead = JSON.readTree(body);
        Map<String, String> fields = new LinkedHashMap<>();
        for (JsonNode field : lead.path("field_data")) {
            JsonNode values = field.path("values");
            String name = field.path("name").asString("");
            if (!name.isEmpty() && values.isArray() && !values.isEmpty()) {
                fields.putIfAbsent(name, values.get(0).asString(""));
            }
        }
        Set<String> checked = new LinkedHashSet<>();
        for (JsonNode response : lead.path("custom_disclaimer_responses")) {
            JsonNode value = response.path("is_checked");
            String text = value.asString("");
            if (value.asBoolean(false) || text.equals("1") || text.equalsIgnoreCase("true")) {
                checked.add(response.path("checkbox_key").asString(""));
            }
        }
        return new MetaLead(lead.path("id").asString(""), time(lead.path("created_time").asString("")), fields, checked);
    }

    private static Instant time(String graphTime) {
        if (graphTime.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(graphTime, GRAPH_TIME).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(graphTime).toInstant();
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    /** What may pass by itself: no answer, a server error, too many requests. A 4xx otherwise will not. */
    private static boolean mayPass(Throwable e) {
        if (e instanceof HttpClientErrorException clientError) {
            return clientError.getStatusCode().value() == 429;
        }
        return e instanceof HttpServerErrorException || e instanceof ResourceAccessException;
    }
}
