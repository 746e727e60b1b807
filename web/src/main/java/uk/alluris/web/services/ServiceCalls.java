package uk.alluris.web.services;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls a service as the signed-in person: their own bearer token, so the service decides what they may do. Its
 * refusals become {@link ServiceRefused}, silence or a server error {@link ServiceDown}; the pages turn both into
 * something staff can read.
 */
@Component
public class ServiceCalls {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<Service, RestClient> clients = new EnumMap<>(Service.class);

    ServiceCalls(ServiceUrls urls) {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2)).build());
        factory.setReadTimeout(Duration.ofSeconds(10));
        for (Service service : Service.values()) {
            clients.put(service, RestClient.builder().baseUrl(service.in(urls).toString())
                    .requestFactory(factory).build());
        }
    }

    public <T> T get(Service service, String path, Class<T> type, Object... variables) {
        return call(service, () -> as(service).get().uri(path, variables).retrieve()
                .onStatus(HttpStatusCode::isError, (request, response) -> refuse(service, response.getStatusCode(),
                        response.getBody().readAllBytes()))
                .body(type));
    }

    public <T> T get(Service service, String path, ParameterizedTypeReference<T> type, Object... variables) {
        return call(service, () -> as(service).get().uri(path, variables).retrieve()
                .onStatus(HttpStatusCode::isError, (request, response) -> refuse(service, response.getStatusCode(),
                        response.getBody().readAllBytes()))
                .body(type));
    }

    public <T> T post(Service service, String path, Object body, Class<T> type, Object... variables) {
        return call(service, () -> as(service).post().uri(path, variables).contentType(MediaType.APPLICATION_JSON)
                .body(body == null ? Map.of() : body).retrieve()
                .onStatus(HttpStatusCode::isError, (request, response) -> refuse(service, response.getStatusCode(),
                        response.getBody().readAllBytes()))
                .body(type));
    }

    /**
     * A POST the service takes once however often it arrives: the {@code Idempotency-Key} (made when the form was
     * drawn) lets a double click or a retried submission name the same request.
     */
    public <T> T postOnce(Service service, String path, String idempotencyKey, Object body, Class<T> type,
            Object... variables) {
        return call(service, () -> as(service).post().uri(path, variables).contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", idempotencyKey).body(body == null ? Map.of() : body).retrieve()
                .onStatus(HttpStatusCode::isError, (request, response) -> refuse(service, response.getStatusCode(),
                        response.getBody().readAllBytes()))
                .body(type));
    }

    /**
     * Calls a service for a visitor without an account (the privacy centre): no bearer token, only the headers given
     * (a request's own token, what the answer may be), so the service treats the call as anyone's.
     */
    public <T> T getAsVisitor(Service service, String path, Map<String, String> headers, Class<T> type,
            Object... variables) {
        return call(service, () -> clients.get(service).get().uri(path, variables)
                .headers(sent -> headers.forEach(sent::set)).retrieve()
                .onStatus(HttpStatusCode::isError, (request, response) -> refuse(service, response.getStatusCode(),
                        response.getBody().readAllBytes()))
                .body(type));
    }

    /** As {@link #getAsVisitor}, posting {@code body} as JSON. */
    public <T> T postAsVisitor(Service service, String path, Object body, Class<T> type, Object... variables) {
        return call(service, () -> clients.get(service).post().uri(path, variables)
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .onStatus(HttpStatusCode::isError, (request, response) -> refuse(service, response.getStatusCode(),
                        response.getBody().readAllBytes()))
                .body(type));
    }

    private RestClient as(Service service) {
        return clients.get(service).mutate().defaultHeaders(headers -> headers.setBearerAuth(token())).build();
    }

    private static <T> T call(Service service, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (ResourceAccessException silent) {
            throw new ServiceDown(service, silent);
        }
    }

    private static void refuse(Service service, HttpStatusCode status, byte[] body) {
        if (status.is5xxServerError()) {
            throw new ServiceDown(service, null);
        }
        String title = null;
        String detail = null;
        try {
            JsonNode problem = JSON.readTree(body);
            title = problem.path("title").asString(null);
            detail = problem.path("detail").asString(null);
        } catch (RuntimeException notAProblem) {
            // a refusal without a problem body: its status says enough
        }
        throw new ServiceRefused(service, status, title, detail);
    }

    /** The token the gateway relayed from the session cookie, verified by the kit before any page ran. */
    private static String token() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken jwt) {
            return jwt.getToken().getTokenValue();
        }
        throw new IllegalStateException("a service is called only on behalf of a signed-in person");
    }
}
