package uk.alluris.web.portal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Booking and the consent ledger as the portal's pages see them over HTTP, answering fixed documents: the signed-in
 * client's profile and a ledger with one decision. Each consent decision posted is kept, so a test can read the
 * evidence the page sent. The pages' own code (calls, error pages, CSRF) runs for real against it.
 */
final class PortalStandIns {

    static final String CLIENT_ID = "5e0b1a9d-3946-4c6d-8940-2c2a1a7c0e99";
    static final List<String> DECISIONS = new CopyOnWriteArrayList<>();
    static final List<String> LEFT = new CopyOnWriteArrayList<>();
    private static HttpServer server;

    private PortalStandIns() {
    }

    static synchronized String url() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/api/bookings/clients/me", exchange -> answer(exchange, 200, """
                    {"id":"%s","fullName":"Cara Client","email":"cara@example.com","phone":null,
                     "dateOfBirth":"1990-03-04","promotionalContent":false,"restricted":false,
                     "registeredAt":"2026-11-30T10:00:00Z"}""".formatted(CLIENT_ID)));
            server.createContext("/api/consents", exchange -> {
                if ("POST".equals(exchange.getRequestMethod())) {
                    DECISIONS.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                    answer(exchange, 201, """
                            {"purpose":"marketing.email","granted":true,"policyVersion":"2026-01","channel":"WEB",
                             "recordedAt":"2026-11-30T12:00:00Z","heldUnderRestriction":false}""");
                    return;
                }
                answer(exchange, 200, """
                        {"current":{"marketing.sms":{"granted":true,"since":"2026-06-01T09:00:00Z",
                           "policyVersion":"2026-01","channel":"IN_CLINIC"}},
                         "history":[{"purpose":"marketing.sms","granted":true,"policyVersion":"2026-01",
                           "channel":"IN_CLINIC","recordedAt":"2026-06-01T09:00:00Z","heldUnderRestriction":false}],
                         "restricted":false}""");
            });
            // one time free with two practitioners: two choices
            server.createContext("/api/bookings/availability", exchange -> answer(exchange, 200, """
                    [{"start":"2026-07-01T09:00:00Z","end":"2026-07-01T09:45:00Z",
                      "practitionerId":"1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f"},
                     {"start":"2026-07-01T09:00:00Z","end":"2026-07-01T09:45:00Z",
                      "practitionerId":"3c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f"}]"""));
            server.createContext("/api/bookings/practitioners", exchange -> answer(exchange, 200, """
                    [{"id":"1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f","name":"Dr Alluris"},
                     {"id":"3c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f","name":"Nurse Grey"}]"""));
            server.createContext("/api/marketing/me", exchange -> {
                boolean leaving = exchange.getRequestURI().getPath().endsWith("/unsubscribe");
                if (leaving) {
                    LEFT.add(exchange.getRequestMethod());
                }
                answer(exchange, 200, """
                        {"subscriptions":[{"id":"%s","lists":%s,"channels":%s,"subscribedAt":"2026-05-01T09:00:00Z",
                          "unsubscribedAt":%s}],"restricted":false}""".formatted(CLIENT_ID,
                        leaving ? "[]" : "[\"newsletter\"]", leaving ? "[]" : "[\"email\"]",
                        leaving ? "\"2026-11-30T12:00:00Z\"" : "null"));
            });
            // the policy's history, newest first: the version in force and the one before it
            server.createContext("/api/consents/policy-versions", exchange -> answer(exchange, 200, """
                    [{"version":"2026-07","effectiveFrom":"2026-07-01","summary":"Photos: a separate consent for \
                    recognisable photos","material":true,"inForce":true,"publishedAt":"2026-06-01T09:00:00Z"},
                     {"version":"2026-01","effectiveFrom":"2026-01-01","summary":"First published version",
                      "material":false,"inForce":false,"publishedAt":"2025-12-01T09:00:00Z"}]"""));
            server.start();
        }
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
