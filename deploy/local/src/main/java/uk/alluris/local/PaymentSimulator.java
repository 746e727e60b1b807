package uk.alluris.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/**
 * The embedded default's payment processor, answering the part of Stripe's API the clinic uses:
 * {@code POST /v1/payment_intents} (form-encoded amount, currency, metadata[appointment_id]),
 * {@code GET /v1/payment_intents/{id}}, {@code POST /v1/refunds} (payment_intent), each only with the secret key as a
 * bearer token and each create idempotent by its {@code Idempotency-Key}. Simulator only: a checkout page at
 * {@code /checkout/{intentId}} with a Pay button, and {@code POST /simulator/payment_intents/{id}/pay} for tests. Paying
 * and refunding send {@code payment_intent.succeeded} and {@code charge.refunded} events, signed as Stripe signs them
 * ({@link SimulatorWebhooks}). No card details are asked for or kept. Port {@code PAYMENT_SIMULATOR_PORT} (12111),
 * bound to 127.0.0.1; state in memory.
 */
public final class PaymentSimulator {

    /** A payment intent as the simulator holds it. */
    public record Intent(String id, String clientSecret, long amount, String currency, String appointmentId,
            String status, boolean refunded) {

        String json() {
            return Exchanges.object("id", id, "object", "payment_intent", "amount", amount, "currency", currency,
                    "client_secret", clientSecret, "status", status, "metadata",
                    new Exchanges.Raw(Exchanges.object("appointment_id", appointmentId)));
        }
    }

    private final HttpServer server;
    private final String secretKey;
    private final SimulatorWebhooks webhooks;
    private final Map<String, Intent> intents = new ConcurrentHashMap<>();
    /** Each create's answer by its idempotency key, so a repeated call gets the first answer. */
    private final Map<String, String> answered = new ConcurrentHashMap<>();

    private PaymentSimulator(int port, String secretKey, String webhookSecret, String webhookUrl) throws IOException {
        this.secretKey = secretKey;
        this.webhooks = new SimulatorWebhooks(webhookSecret, webhookUrl);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", this::route);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    public static void main(String[] args) throws Exception {
        PaymentSimulator simulator = startFromEnvironment(System.getenv());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.stop();
            stopped.countDown();
        }, "payment-simulator-stop"));
        System.out.println("Payment simulator: Stripe-shaped API and checkout on http://127.0.0.1:" + simulator.port());
        stopped.await();
    }

    /** Starts a simulator configured as {@code ./run} configures it: port, keys and webhook address from {@code env}. */
    static PaymentSimulator startFromEnvironment(Map<String, String> env) throws IOException {
        int port = Integer.parseInt(env.getOrDefault("PAYMENT_SIMULATOR_PORT", "12111"));
        // LOCAL DEFAULTS, the same as booking-service's application-local.yml; overridable from the environment
        return start(port,
                env.getOrDefault("ALLURIS_PAYMENT_PROCESSOR_SECRET_KEY", "sk_test_local-default-processor-key"),
                env.getOrDefault("ALLURIS_PAYMENT_WEBHOOK_SECRET", "local-default-payment-webhook-secret"),
                env.getOrDefault("PAYMENT_WEBHOOK_URL", "http://127.0.0.1:8080/webhooks/payments"));
    }

    /** Starts a simulator on {@code port} (0: any free port) sending its events to {@code webhookUrl}. */
    public static PaymentSimulator start(int port, String secretKey, String webhookSecret, String webhookUrl)
            throws IOException {
        return new PaymentSimulator(port, secretKey, webhookSecret, webhookUrl);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Where events go from now on (a test learns its service's port after starting the simulator). */
    public void sendWebhooksTo(String url) {
        webhooks.sendTo(url);
    }

    public Intent intent(String id) {
        return intents.get(id);
    }

    public void stop() {
        webhooks.stop();
        server.stop(0);
    }

    /** Pays the intent, as a client on the checkout would: succeeded, and the event sent. */
    public synchronized Intent pay(String id) {
        Intent intent = intents.get(id);
        if (intent == null || !intent.status().equals("requires_payment_method")) {
            return intent;
        }
        Intent paid = new Intent(id, intent.clientSecret(), intent.amount(), intent.currency(), intent.appointmentId(),
                "succeeded", false);
        intents.put(id, paid);
        webhooks.send("payment_intent.succeeded", paid.json());
        return paid;
    }

    private void route(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String[] path = exchange.getRequestURI().getPath().split("/");
            if (path.length == 3 && path[1].equals("checkout")) {
                checkout(exchange, path[2], method.equals("POST"));
            } else if (path.length == 5 && path[1].equals("simulator") && path[4].equals("pay") && method.equals("POST")) {
                Intent paid = pay(path[3]);
                Exchanges.json(exchange, paid == null ? 404 : 200, paid == null ? error("no such payment_intent") : paid.json());
            } else if (!("Bearer " + secretKey).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                Exchanges.json(exchange, 401, error("Invalid API Key provided"));
            } else if (path.length == 3 && path[2].equals("payment_intents") && method.equals("POST")) {
                idempotent(exchange, "intents", this::createIntent);
            } else if (path.length == 4 && path[2].equals("payment_intents") && method.equals("GET")) {
                Intent intent = intents.get(path[3]);
                Exchanges.json(exchange, intent == null ? 404 : 200, intent == null ? error("No such payment_intent") : intent.json());
            } else if (path.length == 3 && path[2].equals("refunds") && method.equals("POST")) {
                idempotent(exchange, "refunds", this::refund);
            } else {
                Exchanges.json(exchange, 404, error("Unrecognized request URL"));
            }
        } catch (IOException | RuntimeException e) {
            Exchanges.json(exchange, 400, error("the request could not be read"));
        }
    }

    private interface Create {
        Answer create(Map<String, String> form);
    }

    private record Answer(int status, String json) {
    }

    private void idempotent(HttpExchange exchange, String kind, Create create) throws IOException {
        Map<String, String> form = Exchanges.form(Exchanges.body(exchange));
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        if (key == null) {
            Answer answer = create.create(form);
            Exchanges.json(exchange, answer.status(), answer.json());
            return;
        }
        String stored = answered.get(kind + ":" + key);
        if (stored == null) {
            Answer answer = create.create(form);
            if (answer.status() != 200) {
                Exchanges.json(exchange, answer.status(), answer.json());
                return;
            }
            stored = answered.computeIfAbsent(kind + ":" + key, k -> answer.json());
        }
        Exchanges.json(exchange, 200, stored);
    }

    private Answer createIntent(Map<String, String> form) {
        long amount;
        try {
            amount = Long.parseLong(form.getOrDefault("amount", ""));
        } catch (NumberFormatException e) {
            return new Answer(400, error("amount: a positive whole number of pence is required"));
        }
        if (amount < 30 || !"gbp".equals(form.get("currency"))) {
            return new Answer(400, error("amount (at least 30) and currency gbp are required"));
        }
        String id = "pi_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        Intent intent = new Intent(id, id + "_secret_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24),
                amount, "gbp", form.getOrDefault("metadata[appointment_id]", ""), "requires_payment_method", false);
        intents.put(id, intent);
        return new Answer(200, intent.json());
    }

    private synchronized Answer refund(Map<String, String> form) {
        Intent intent = intents.get(form.getOrDefault("payment_intent", ""));
        if (intent == null || !intent.status().equals("succeeded")) {
            return new Answer(400, error("the payment_intent has no successful charge to refund"));
        }
        if (intent.refunded()) {
            return new Answer(400, error("Charge has already been refunded."));
        }
        intents.put(intent.id(), new Intent(intent.id(), intent.clientSecret(), intent.amount(), intent.currency(),
                intent.appointmentId(), intent.status(), true));
        String refund = Exchanges.object("id", "re_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24),
                "object", "refund", "amount", intent.amount(), "currency", "gbp", "payment_intent", intent.id(),
                "status", "succeeded");
        webhooks.send("charge.refunded", Exchanges.object("id", "ch_" + intent.id().substring(3), "object", "charge",
                "payment_intent", intent.id(), "amount_refunded", intent.amount(), "refunded", true));
        return new Answer(200, refund);
    }

    private void checkout(HttpExchange exchange, String id, boolean paying) throws IOException {
        Intent intent = paying ? pay(id) : intents.get(id);
        Exchanges.send(exchange, intent == null ? 404 : 200, "text/html; charset=utf-8", CheckoutPage.of(intent));
    }

    private static String error(String message) {
        return Exchanges.object("error", new Exchanges.Raw(Exchanges.object("type", "invalid_request_error",
                "message", message)));
    }
}
