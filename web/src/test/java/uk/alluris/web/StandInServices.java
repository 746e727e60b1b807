package uk.alluris.web;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Booking and records as a page sees them over HTTP, answering fixed documents: a client, a records-service that
 * refuses (403) or asks for a reason. The pages' own code (calls, error pages) runs for real against it.
 */
final class StandInServices {

    static final String CLIENT_ID = "6f1c2b0e-4a57-4d7e-9a51-3d3b2a8d1f00";
    static final String RESTRICTED_ID = "7a2d3c1f-5b68-4e8f-8b62-4e4c3b9e2a11";
    private static HttpServer server;

    private StandInServices() {
    }

    static synchronized String url() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/api/bookings/clients/", exchange -> {
                String id = exchange.getRequestURI().getPath().substring("/api/bookings/clients/".length());
                answer(exchange, 200, "application/json", """
                        {"id":"%s","fullName":"Ada Stone","email":"ada@example.com","phone":null,
                         "dateOfBirth":"1984-02-29","promotionalContent":false,"restricted":false,
                         "registeredAt":"2026-11-30T10:00:00Z"}""".formatted(id));
            });
            server.createContext("/api/bookings/diary", exchange -> answer(exchange, 200, "application/json", """
                    [{"appointmentId":"0b8f4c1e-2a3d-4e5f-8a9b-0c1d2e3f4a5b","start":"2026-07-01T09:00:00Z",
                      "end":"2026-07-01T09:30:00Z","status":"BOOKED","clientId":"%s","clientName":"Ada Stone",
                      "restricted":true,"objected":false,"treatmentId":null,"treatment":"Lip filler",
                      "practitionerId":"1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f","practitioner":"Dr Alluris"},
                     {"appointmentId":"2b8f4c1e-2a3d-4e5f-8a9b-0c1d2e3f4a5b","start":"2026-07-01T13:00:00Z",
                      "end":"2026-07-01T13:45:00Z","status":"BOOKED","clientId":null,"clientName":null,
                      "restricted":false,"objected":false,"treatmentId":null,"treatment":"Skin peel",
                      "practitionerId":"3c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f","practitioner":"Nurse Grey"}]
                    """.formatted(CLIENT_ID)));
            server.createContext("/api/records/subjects/", exchange -> {
                boolean restricted = exchange.getRequestURI().getPath().endsWith(RESTRICTED_ID);
                answer(exchange, 403, "application/problem+json", restricted
                        ? "{\"title\":\"Reason required\",\"status\":403,\"detail\":\"processing of this person's clinical records is restricted\"}"
                        : "{\"title\":\"Forbidden\",\"status\":403,\"detail\":\"your role may not do this\"}");
            });
            server.start();
        }
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String type, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
