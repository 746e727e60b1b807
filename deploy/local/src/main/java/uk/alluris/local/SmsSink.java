package uk.alluris.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The embedded default's SMS provider: takes messages as Twilio's Messages API does
 * ({@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json}, form-encoded To/From/Body, HTTP basic auth with the
 * account SID and auth token) and keeps them, and lets anyone on the machine read them as JSON
 * ({@code GET /messages?to=+447…}), as GreenMail does for mail. A repeated {@code Idempotency-Key} is answered with the
 * message already taken. Port {@code SMS_SINK_PORT} (12112), bound to 127.0.0.1 only; received messages live in
 * memory and go when it stops.
 */
public final class SmsSink {

    /** One message received. */
    public record Received(String sid, String to, String from, String body, Instant receivedAt) {

        String json() {
            return Exchanges.object("sid", sid, "to", to, "from", from, "body", body, "receivedAt", receivedAt.toString());
        }
    }

    private static final Pattern SEND = Pattern.compile("/2010-04-01/Accounts/([^/]+)/Messages\\.json");
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");

    private final HttpServer server;
    private final String accountSid;
    private final String authToken;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Received> byKey = new ConcurrentHashMap<>();
    private final AtomicInteger failNext = new AtomicInteger();

    private SmsSink(int port, String accountSid, String authToken) throws IOException {
        this.accountSid = accountSid;
        this.authToken = authToken;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/2010-04-01/", exchange -> handle(exchange, this::send));
        server.createContext("/messages", exchange -> handle(exchange, this::list));
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    public static void main(String[] args) throws Exception {
        SmsSink sink = startFromEnvironment(System.getenv());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sink.stop();
            stopped.countDown();
        }, "sms-sink-stop"));
        System.out.println("SMS sink: Twilio-shaped API on http://127.0.0.1:" + sink.port() + ", read GET /messages?to=");
        stopped.await();
    }

    /** Starts a sink configured as {@code ./run} configures it: port and account from {@code env}. */
    static SmsSink startFromEnvironment(Map<String, String> env) throws IOException {
        int port = Integer.parseInt(env.getOrDefault("SMS_SINK_PORT", "12112"));
        // LOCAL DEFAULTS, the same as booking-service's application-local.yml; overridable from the environment
        return start(port, env.getOrDefault("ALLURIS_SMS_ACCOUNT_SID", "AC-local-default-sms-account"),
                env.getOrDefault("ALLURIS_SMS_AUTH_TOKEN", "local-default-sms-auth-token"));
    }

    /** Starts a sink on {@code port} (0: any free port). */
    public static SmsSink start(int port, String accountSid, String authToken) throws IOException {
        return new SmsSink(port, accountSid, authToken);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void stop() {
        server.stop(0);
    }

    /** Every message received for {@code to} (E.164), oldest first. */
    public List<Received> messagesTo(String to) {
        return received.stream().filter(message -> message.to().equals(to)).toList();
    }

    /** The next {@code count} sends are answered 503, as a provider outage would be (for tests of retries). */
    public void failNext(int count) {
        failNext.set(count);
    }

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private static void handle(HttpExchange exchange, Handler handler) throws IOException {
        try (exchange) {
            handler.handle(exchange);
        } catch (IOException | RuntimeException e) {
            Exchanges.json(exchange, 400, Exchanges.object("code", 21000, "message", "bad request", "status", 400));
        }
    }

    private void send(HttpExchange exchange) throws IOException {
        Matcher path = SEND.matcher(exchange.getRequestURI().getPath());
        if (!"POST".equals(exchange.getRequestMethod()) || !path.matches()) {
            Exchanges.json(exchange, 404, Exchanges.object("code", 20404, "message", "not found", "status", 404));
            return;
        }
        String[] auth = Exchanges.basicAuth(exchange);
        if (auth == null || !auth[0].equals(accountSid) || !auth[1].equals(authToken) || !path.group(1).equals(accountSid)) {
            Exchanges.json(exchange, 401, Exchanges.object("code", 20003, "message", "Authenticate", "status", 401));
            return;
        }
        if (failNext.getAndUpdate(n -> Math.max(n - 1, 0)) > 0) {
            Exchanges.json(exchange, 503, Exchanges.object("code", 20503, "message", "unavailable", "status", 503));
            return;
        }
        Map<String, String> form = Exchanges.form(Exchanges.body(exchange));
        String to = form.getOrDefault("To", "");
        String body = form.getOrDefault("Body", "");
        if (!E164.matcher(to).matches() || body.isEmpty() || body.length() > 1600) {
            Exchanges.json(exchange, 400, Exchanges.object("code", 21211, "message",
                    "To must be an E.164 number and Body 1 to 1600 characters", "status", 400));
            return;
        }
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        Received message = key == null ? take(to, form, body) : byKey.computeIfAbsent(key, k -> take(to, form, body));
        Exchanges.json(exchange, 201, Exchanges.object("sid", message.sid(), "account_sid", accountSid, "to", message.to(),
                "from", message.from(), "body", message.body(), "status", "queued",
                "date_created", message.receivedAt().toString()));
    }

    private Received take(String to, Map<String, String> form, String body) {
        Received message = new Received("SM" + UUID.randomUUID().toString().replace("-", ""), to,
                form.getOrDefault("From", ""), body, Instant.now());
        received.add(message);
        return message;
    }

    private void list(HttpExchange exchange) throws IOException {
        String to = Exchanges.form(exchange.getRequestURI().getRawQuery()).get("to");
        if (to != null && to.startsWith(" ")) {
            to = "+" + to.substring(1); // an unencoded '+' in a query string reads as a space
        }
        List<Received> found = to == null ? List.copyOf(received) : messagesTo(to);
        Exchanges.json(exchange, 200, found.stream().map(Received::json).collect(Collectors.joining(",", "[", "]")));
    }
}
