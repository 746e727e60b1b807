package uk.alluris.web.staff.marketing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Marketing and booking as the marketing pages see them over HTTP, answering fixed documents and remembering what was
 * asked of them (path, Idempotency-Key, body), so a test can see what a page sent. One campaign is sending, one sent;
 * two leads wait in the inbox, one of a restricted person.
 */
final class MarketingStandIn {

    static final String SENDING = "1f0e2d3c-4b5a-4968-8776-655443322110";
    static final String SENT = "2f0e2d3c-4b5a-4968-8776-655443322111";
    static final String LEAD = "partner:acme:id:lead-1";
    static final String RESTRICTED_LEAD = "partner:acme:id:lead-2";
    static final String NEW_CLIENT = "3f0e2d3c-4b5a-4968-8776-655443322112";

    /** One request the stand-in answered. */
    record Asked(String method, String path, String idempotencyKey, String body) {
    }

    static final List<Asked> ASKED = new CopyOnWriteArrayList<>();
    private static HttpServer server;

    private MarketingStandIn() {
    }

    static synchronized String url() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", MarketingStandIn::answer);
            server.start();
        }
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        ASKED.add(new Asked(method, path, exchange.getRequestHeaders().getFirst("Idempotency-Key"), body));
        String query = exchange.getRequestURI().getRawQuery();
        if (path.equals("/api/marketing/campaigns/audience")) {
            if (query.contains("list=nobody")) {
                send(exchange, 200, "{\"list\":\"nobody\",\"onList\":0,\"wouldReceive\":0,\"skipped\":{}}");
            } else {
                send(exchange, 200, """
                        {"list":"newsletter","onList":5,"wouldReceive":3,"skipped":{"SUPPRESSED":1,"NO_CONSENT":1}}""");
            }
        } else if (path.equals("/api/marketing/campaigns") && method.equals("POST")) {
            if (body.contains("Bad\\r\\n")) {
                problem(exchange, 400, "Invalid input", "subject: a subject is one line");
            } else {
                send(exchange, 202, campaign(SENDING, "SENDING", 2));
            }
        } else if (path.equals("/api/marketing/campaigns")) {
            send(exchange, 200, "[" + campaign(SENDING, "SENDING", 2) + "," + campaign(SENT, "SENT", 3) + "]");
        } else if (path.equals("/api/marketing/campaigns/" + SENDING)) {
            send(exchange, 200, campaign(SENDING, "SENDING", 2));
        } else if (path.equals("/api/marketing/campaigns/" + SENT)) {
            send(exchange, 200, campaign(SENT, "SENT", 3));
        } else if (path.equals("/api/marketing/leads")) {
            send(exchange, 200, "{\"items\":[" + lead(LEAD, "Lee Lead", "lee@example.com", false) + ","
                    + lead(RESTRICTED_LEAD, "Rae Restricted", "rae@example.com", true) + "],\"page\":1,\"size\":20,\"total\":2}");
        } else if (path.startsWith("/api/marketing/leads/partner") && path.endsWith("/conversion")) {
            send(exchange, 200, lead(LEAD, "Lee Lead", "lee@example.com", false));
        } else if (path.equals("/api/marketing/leads/partners")) {
            send(exchange, 200, """
                    [{"name":"acme","lastDeliveryAt":"2026-07-01T09:15:00Z","leads":{"stored":4,"duplicate":1,
                      "dropped-suppressed":2,"dropped-restricted":0,"dropped-no-contact":1}}]""");
        } else if (path.startsWith("/api/marketing/leads/")) {
            boolean restricted = path.contains("lead-2");
            send(exchange, 200, restricted ? lead(RESTRICTED_LEAD, "Rae Restricted", "rae@example.com", true)
                    : lead(LEAD, "Lee Lead", "lee@example.com", false));
        } else if (path.equals("/api/marketing/suppression")) {
            send(exchange, 200, "{\"ERASURE\":2,\"OBJECTION\":3,\"RESTRICTION\":1}");
        } else if (path.equals("/api/marketing/suppression/lookup")) {
            send(exchange, 200, body.contains("gone@example.com")
                    ? "{\"suppressed\":true,\"reason\":\"OBJECTION\",\"since\":\"2026-07-01T09:15:00Z\"}"
                    : "{\"suppressed\":false,\"reason\":null,\"since\":null}");
        } else if (path.equals("/api/bookings/clients") && method.equals("POST")) {
            send(exchange, 201, "{\"id\":\"" + NEW_CLIENT + "\"}");
        } else {
            problem(exchange, 404, "Not found", "nothing here");
        }
    }

    private static String campaign(String id, String status, int sent) {
        return """
                {"id":"%s","list":"newsletter","subject":"Spring offers","channel":"email","status":"%s",
                 "createdAt":"2026-07-01T09:00:00Z","completedAt":%s,"total":5,"sent":%d,"failed":0,"sending":0,
                 "skipped":{"SUPPRESSED":1,"NO_CONSENT":1}}""".formatted(id, status,
                status.equals("SENT") ? "\"2026-07-01T09:01:00Z\"" : "null", sent);
    }

    private static String lead(String id, String name, String email, boolean restricted) {
        return """
                {"id":"%s","source":"partner:acme","fullName":"%s","email":"%s","phone":null,"consents":["email"],
                 "consentText":"Email me offers.","capturedAt":"2026-07-01T08:00:00Z","receivedAt":"2026-07-01T08:01:00Z",
                 "restricted":%s,"clientId":null}""".formatted(id, name, email, restricted);
    }

    private static void problem(HttpExchange exchange, int status, String title, String detail) throws IOException {
        respond(exchange, status, "application/problem+json",
                "{\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}");
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        respond(exchange, status, "application/json", json);
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
