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
    static final String TREATMENT_ID = "8b3e4d2a-6c79-4f90-9c73-5f5d4c0f3b22";
    static final String APPOINTMENT_ID = "9c4f5e3b-7d8a-4a01-8d84-6a6e5d1a4c33";
    static final String PAYMENT_ID = "ad5f6e4c-8e9b-4b12-9e95-7b7f6e2b5d44";
    private static final String PAYMENT = """
            [{"id":"%s","appointmentId":"%s","amountPence":5000,"status":"PENDING",
              "recordedAt":"2026-11-30T10:00:00Z"}]""".formatted(PAYMENT_ID, APPOINTMENT_ID);
    static final String COMPLAINT_ID = "be6a7f5d-9fac-4c23-8fa6-8c8a7f3c6e55";
    /** What the pages posted to the rights service's complaints API, path then body, and with which token. */
    static final java.util.List<String> COMPLAINT_POSTS = new java.util.concurrent.CopyOnWriteArrayList<>();
    static final java.util.List<String> COMPLAINT_TOKENS = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static final String COMPLAINT = """
            {"id":"%s","status":"OPEN","channel":"PHONE","receivedAt":"2026-10-01T09:00:00Z","dueDate":"2026-11-01",
             "overdue":true,"assignee":null,"text":"Nobody told me my photos were used","answer":null,
             "answeredAt":null,"held":false,"email":"ada@example.com"}""".formatted(COMPLAINT_ID);
    /** The disclosures the officer's page posted to the rights service (bodies as sent). */
    static final java.util.List<String> DISCLOSURE_POSTS = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The policy versions the officer's page published (bodies as sent). */
    static final java.util.List<String> POLICY_POSTS = new java.util.concurrent.CopyOnWriteArrayList<>();
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
                if (id.endsWith("/payments")) {
                    answer(exchange, 200, "application/json", PAYMENT);
                    return;
                }
                if (id.endsWith("/corrections")) {
                    // booking refuses a correction to an address another client already has
                    answer(exchange, 409, "application/problem+json", "{\"title\":\"Identifier in use\",\"status\":"
                            + "409,\"detail\":\"the corrected email already identifies another client; nothing was "
                            + "changed\"}");
                    return;
                }
                if (id.endsWith("/appointments")) {
                    // one appointment tomorrow whose free cancellation ended yesterday (booking's answer), so
                    // cancelling it keeps the deposit
                    java.time.Instant start = java.time.Instant.now().plus(java.time.Duration.ofDays(1))
                            .truncatedTo(java.time.temporal.ChronoUnit.HOURS);
                    answer(exchange, 200, "application/json", """
                            [{"id":"%s","treatmentId":"%s","treatment":"Lip filler","practitioner":"Dr Alluris",
                              "start":"%s","status":"BOOKED","lateCancellation":false,"cancellableFreeUntil":"%s",
                              "notes":null,"bookedAt":"2026-11-01T10:00:00Z"}]""".formatted(APPOINTMENT_ID,
                            TREATMENT_ID, start, start.minus(java.time.Duration.ofHours(48))));
                    return;
                }
                answer(exchange, 200, "application/json", """
                        {"id":"%s","fullName":"Ada Stone","email":"ada@example.com","phone":null,
                         "dateOfBirth":"1984-02-29","promotionalContent":false,"restricted":false,
                         "objected":true,"registeredAt":"2026-11-30T10:00:00Z"}""".formatted(id));
            });
            // the signed-in client's own profile (the portal's complaint form reads their address from it)
            server.createContext("/api/bookings/clients/me", exchange -> answer(exchange, 200, "application/json", """
                    {"id":"%s","fullName":"Ada Stone","email":"ada@example.com","phone":null,
                     "dateOfBirth":"1984-02-29","promotionalContent":false,"restricted":false,
                     "registeredAt":"2026-11-30T10:00:00Z"}""".formatted(CLIENT_ID)));
            server.createContext("/api/bookings/payments/", exchange -> answer(exchange, 200, "application/json",
                    PAYMENT.substring(1, PAYMENT.length() - 1).replace("PENDING", "PAID")));
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
            server.createContext("/api/bookings/treatments", exchange -> answer(exchange, 200, "application/json", """
                    [{"id":"%s","name":"Lip filler","durationMinutes":45,"depositPence":5000,"active":true}]
                    """.formatted(TREATMENT_ID)));
            server.createContext("/api/bookings/practitioners", exchange -> answer(exchange, 200, "application/json",
                    "[{\"id\":\"1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f\",\"name\":\"Dr Alluris\"}]"));
            server.createContext("/api/bookings/availability", exchange -> answer(exchange, 200, "application/json", """
                    [{"start":"2026-07-01T09:00:00Z","end":"2026-07-01T09:45:00Z",
                      "practitionerId":"1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f"}]"""));
            // booking refuses every new appointment, as it does someone too young for the treatment
            server.createContext("/api/bookings/appointments", exchange -> answer(exchange, 422,
                    "application/problem+json", "{\"title\":\"Not allowed\",\"status\":422,\"detail\":"
                            + "\"Lip filler is not given to anyone under 18\",\"rule\":\"minimum-age\"}"));
            // the rights service's officer lists: one parked letter that can go back, one restricted person; a
            // redrive is refused as one already sent back
            server.createContext("/api/privacy/dead-letters", exchange -> {
                if (exchange.getRequestURI().getPath().endsWith("/redrives")) {
                    answer(exchange, 409, "application/problem+json", "{\"title\":\"Already redriven\",\"status\":"
                            + "409,\"detail\":\"this dead letter was already sent back to its topic\"}");
                    return;
                }
                answer(exchange, 200, "application/json", """
                        [{"name":"error.marketing.events.rights-request-service","messages":1,"latest":[
                          {"parkedAt":"2026-11-30T09:00:00Z","ceType":"uk.alluris.marketing.SubscriberUnsubscribed.v1",
                           "ceId":"e1","reason":"handler failed","partition":0,"offset":7,
                           "originalTopic":"marketing.events"}]}]""");
            });
            server.createContext("/api/privacy/restrictions", exchange -> answer(exchange, 200, "application/json", """
                    {"items":[{"requestId":"%s","requestedAt":"2026-11-02T09:00:00Z",
                      "restrictedSince":"2026-11-03T10:00:00Z","proven":["EMAIL"],"origin":null}],
                     "page":0,"size":20,"total":1}""".formatted(APPOINTMENT_ID)));
            // the rights service's retention forecast: request evidence ending, nothing of the bundles
            server.createContext("/api/privacy/retention/forecast", exchange -> answer(exchange, 200,
                    "application/json", """
                    {"service":"rights-request-service","asOf":"2026-11-30","days":30,"categories":[
                      {"category":"request-evidence","name":"Privacy requests and receipts","period":"P6Y",
                       "startsAt":"COMPLETION","enforced":true,"count":3,"earliest":"2026-12-04"},
                      {"category":"access-bundles","name":"Sealed copies","period":"P7D","startsAt":"COMPLETION",
                       "enforced":true,"count":0}]}"""));
            // complaints: an open one that is late and an answered one; a complaint saying "fourth" is one too many
            // today (429), and the answer to a complaint already answered is refused (409)
            server.createContext("/api/privacy/complaints", exchange -> {
                COMPLAINT_TOKENS.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                String path = exchange.getRequestURI().getPath();
                if ("POST".equals(exchange.getRequestMethod())) {
                    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                    COMPLAINT_POSTS.add(path + " " + body);
                    if (body.contains("fourth")) {
                        answer(exchange, 429, "application/problem+json", "{\"title\":\"Too many complaints\","
                                + "\"status\":429,\"detail\":\"at most 3 complaints a day\"}");
                    } else if (path.endsWith("/answer") && body.contains("again")) {
                        answer(exchange, 409, "application/problem+json", "{\"title\":\"Already answered\","
                                + "\"status\":409,\"detail\":\"this complaint was answered on 02/11/2026\"}");
                    } else {
                        answer(exchange, path.endsWith("complaints") ? 201 : 200, "application/json", COMPLAINT);
                    }
                    return;
                }
                answer(exchange, 200, "application/json", path.endsWith(COMPLAINT_ID) ? COMPLAINT : "[" + COMPLAINT
                        + ",{\"id\":\"ce7b8a6e-0abd-4d34-9ab7-9d9b8a4d7f66\",\"status\":\"ANSWERED\","
                        + "\"channel\":\"PORTAL\",\"receivedAt\":\"2026-09-01T09:00:00Z\",\"dueDate\":"
                        + "\"2026-10-01\",\"overdue\":false,\"assignee\":\"officer\",\"text\":\"Too many "
                        + "texts\",\"answer\":\"We have stopped them. You can also complain to the ICO.\","
                        + "\"answeredAt\":\"2026-09-10T09:00:00Z\",\"held\":false,\"email\":null}]");
            });
            // the disclosure log: one recent disclosure (no details in the list), a look-up with its details, and a
            // disclosure of no category refused as the rights service's validation does
            server.createContext("/api/privacy/disclosures", exchange -> {
                String recent = """
                        {"id":"df8c9b7f-1bce-4e45-8bc8-0e0c9b5e8a77","recipient":"authorities",
                         "recipientName":"Metropolitan Police","categories":["clinical-records"],
                         "disclosedOn":"2026-11-20","legalBasis":"LEGAL_OBLIGATION","personTold":false,
                         "exemptionGround":"DPA 2018 Sch. 2 para 2: crime","details":%s,"recordedBy":"officer",
                         "recordedAt":"2026-11-20T12:00:00Z","held":false,"heldBecause":null}""";
                if (!"POST".equals(exchange.getRequestMethod())) {
                    answer(exchange, 200, "application/json", "[" + recent.formatted("null") + "]");
                    return;
                }
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                if (exchange.getRequestURI().getPath().endsWith("/lookup")) {
                    answer(exchange, 200, "application/json",
                            "[" + recent.formatted("\"Treatment notes of 2026 under a court order\"") + "]");
                    return;
                }
                DISCLOSURE_POSTS.add(body);
                if (body.contains("\"categories\":[]")) {
                    answer(exchange, 400, "application/problem+json", "{\"title\":\"Bad Request\",\"status\":400,"
                            + "\"detail\":\"categories: size must be between 1 and 20\"}");
                    return;
                }
                answer(exchange, 201, "application/json", recent.formatted("\"sealed\""));
            });
            // the consent service's policy history; a version name with a space is refused as its validation does
            server.createContext("/api/consents/policy-versions", exchange -> {
                if ("POST".equals(exchange.getRequestMethod())) {
                    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                    POLICY_POSTS.add(body);
                    if (body.contains("\"version\":\"2027 01\"")) {
                        answer(exchange, 400, "application/problem+json", "{\"title\":\"Bad Request\",\"status\":"
                                + "400,\"detail\":\"version: must be 1-40 letters, digits, dots, dashes or "
                                + "underscores (e.g. 2027-01)\"}");
                        return;
                    }
                    answer(exchange, 201, "application/json", """
                            {"version":"2027-01","effectiveFrom":"2027-01-01","summary":"New processor",
                             "material":true,"inForce":false,"publishedAt":"2026-11-30T12:00:00Z","text":"..."}""");
                    return;
                }
                answer(exchange, 200, "application/json", """
                        [{"version":"2026-07","effectiveFrom":"2026-07-01","summary":"Photos consent split",
                          "material":true,"inForce":true,"publishedAt":"2026-06-01T09:00:00Z","text":null}]""");
            });
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
