package uk.alluris.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends the simulator's events the way Stripe does: a JSON event POSTed with
 * {@code Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">} under the shared webhook secret, signed
 * afresh on every try, and tried again with growing waits (1 s, 2 s, 4 s … up to 10 tries) until the receiver answers
 * 2xx.
 */
final class SimulatorWebhooks {

    static final int TRIES = 10;

    private final String secret;
    private volatile String url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "simulator-webhooks");
        thread.setDaemon(true);
        return thread;
    });

    SimulatorWebhooks(String secret, String url) {
        this.secret = secret;
        this.url = url;
    }

    void sendTo(String url) {
        this.url = url;
    }

    /** Queues the event {@code type} about {@code object} (JSON); returns the event's id. */
    String send(String type, String object) {
        String id = "evt_" + UUID.randomUUID().toString().replace("-", "");
        String event = Exchanges.object("id", id, "object", "event", "type", type, "created",
                Instant.now().getEpochSecond(), "data", new Exchanges.Raw(Exchanges.object("object",
                        new Exchanges.Raw(object))));
        retries.execute(() -> deliver(event, 1));
        return id;
    }

    void stop() {
        retries.shutdownNow();
    }

    private void deliver(String event, int attempt) {
        String target = url;
        boolean delivered = false;
        if (target != null && !target.isBlank()) {
            byte[] body = event.getBytes(StandardCharsets.UTF_8);
            long now = Instant.now().getEpochSecond();
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create(target)).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .header("Stripe-Signature", "t=" + now + ",v1=" + sign(now, body))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                delivered = status / 100 == 2;
            } catch (java.io.IOException e) {
                delivered = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (!delivered && attempt < TRIES) {
            retries.schedule(() -> deliver(event, attempt + 1), 1L << (attempt - 1), TimeUnit.SECONDS);
        }
    }

    private String sign(long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
