package uk.alluris.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The heavy person's access request: one person with 200 appointments, 200 clinical entries, 50 consent decisions and
 * 20 list subscriptions asks for their data; timed from verification (the privacy officer's identity check, the
 * VERIFIED step of the evidence trail) to the bundle being ready (every service's sealed export in, the request's
 * {@code bundle.readyAt}) — both by the rights-request service's own clock — and then the first download, which
 * opens and assembles the ZIP, timed by this client.
 */
final class AccessExport {

    static final int APPOINTMENTS = 200;
    static final int ENTRIES = 200;
    static final int CONSENT_EVENTS = 50;
    static final int LISTS = 20;

    record Result(Latencies ready, Latencies download, Latencies total, long bundleBytes, int people) {
    }

    private final Http http;
    private final Target target;

    AccessExport(Http http, Target target) {
        this.http = http;
        this.target = target;
    }

    Result run(int people, String run, String reception, String clinician, String admin, String officer,
            Duration patience) {
        Latencies ready = new Latencies();
        Latencies download = new Latencies();
        Latencies total = new Latencies();
        long bytes = 0;
        for (int i = 0; i < people; i++) {
            String email = "heavy-" + run + "-" + i + "@example.com";
            seed(email, i, reception, clinician, admin);
            String id = http.post(target.rightsUrl() + "/api/privacy/requests",
                    "{\"type\":\"ACCESS\",\"email\":\"" + email + "\"}", null).path("id").asString();
            http.post(target.gatewayUrl() + "/api/privacy/requests/" + id + "/identity-verified",
                    "{\"note\":\"benchmark: identity checked by the privacy officer\"}", officer);
            Instant deadline = Instant.now().plus(patience);
            JsonNode detail = http.get(target.gatewayUrl() + "/api/privacy/requests/" + id, officer);
            while (!"READY".equals(detail.path("bundle").path("status").asString())) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("bundle of " + id + " not ready after " + patience + ": " + detail);
                }
                // the figure is the service's own clock (VERIFIED → readyAt), so a slower poll adds nothing to it,
                // while a poll every 20 ms kept the rights service busy answering it beside the receipts it records
                sleep(200);
                detail = http.get(target.gatewayUrl() + "/api/privacy/requests/" + id, officer);
            }
            Instant verified = verifiedAt(id, officer);
            long readyMicros = Duration.between(verified, Instant.parse(detail.path("bundle").path("readyAt").asString()))
                    .toNanos() / 1000;
            long started = System.nanoTime();
            byte[] zip = http.bytes(target.gatewayUrl() + "/api/privacy/requests/" + id + "/bundle", officer);
            long downloadMicros = (System.nanoTime() - started) / 1000;
            bytes = zip.length;
            ready.add(readyMicros);
            download.add(downloadMicros);
            total.add(readyMicros + downloadMicros);
        }
        return new Result(ready, download, total, bytes, people);
    }

    private Instant verifiedAt(String id, String officer) {
        for (JsonNode step : http.get(target.gatewayUrl() + "/api/privacy/requests/" + id + "/evidence", officer)) {
            if ("VERIFIED".equals(step.path("step").asString())) {
                return Instant.parse(step.path("at").asString());
            }
        }
        throw new IllegalStateException("request " + id + " has no VERIFIED step");
    }

    /** The heavy person, written through the gateway as staff would; 16 writes in flight. */
    private void seed(String email, int i, String reception, String clinician, String admin) {
        String g = target.gatewayUrl();
        String clientId = http.post(g + "/api/bookings/clients", """
                {"fullName":"Heavy Person %d","email":"%s","phone":"07400 %06d","dateOfBirth":"1979-06-01"}
                """.formatted(i, email, 200000 + i), reception).path("id").asString();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Parallel.run(APPOINTMENTS, 16, n -> http.post(g + "/api/bookings/appointments", """
                {"clientId":"%s","treatment":"Dermal filler","practitioner":"Dr Alluris","start":"%s"}
                """.formatted(clientId, now.minusDays(400 - n)), reception));
        Parallel.run(ENTRIES, 16, n -> http.post(g + "/api/records/entries", """
                {"email":"%s","kind":"TREATMENT","recordedAt":"%s","fields":{"product":"Filler","ml":1},"notes":"visit %d"}
                """.formatted(email, now.minusDays(400 - n), n), clinician));
        List<String> consent = new ArrayList<>();
        for (int n = 0; n < CONSENT_EVENTS; n++) {
            // cookie choices flip back and forth; marketing withdrawals would file objections and are kept out
            String purpose = n % 2 == 0 ? "cookies.analytics" : "cookies.advertising";
            consent.add("""
                    {"email":"%s","purpose":"%s","granted":%s,"policyVersion":"2026-01","channel":"WEB"}
                    """.formatted(email, purpose, (n / 2) % 2 == 0));
        }
        for (String decision : consent) {
            http.post(g + "/api/consents", decision, reception);
        }
        StringBuilder lists = new StringBuilder();
        for (int n = 0; n < LISTS; n++) {
            lists.append(n == 0 ? "" : ",").append("\"list-").append(n).append('"');
        }
        http.post(g + "/api/marketing/subscribers", """
                {"email":"%s","fullName":"Heavy Person %d","lists":[%s],"source":"benchmark"}
                """.formatted(email, i, lists), admin);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
