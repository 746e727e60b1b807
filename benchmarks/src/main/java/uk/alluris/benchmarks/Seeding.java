package uk.alluris.benchmarks;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Gives each benchmark person data in all four data-holding services, through the gateway, as staff would. */
final class Seeding {

    /** One seeded person: what the erasure request names them by. */
    record Person(String email, String phone, String clientId) {
    }

    private final Http http;
    private final Target target;
    private final String run;

    Seeding(Http http, Target target, String run) {
        this.http = http;
        this.target = target;
        this.run = run;
    }

    /** Tokens are taken per person, so a long seeding outlives none of them. */
    List<Person> seed(int people, int concurrency, StaffTokens staff) {
        return Parallel.run(people, concurrency, i -> seedOne(i, staff.reception(), staff.clinician(), staff.admin()));
    }

    private Person seedOne(int i, String reception, String clinician, String admin) {
        String g = target.gatewayUrl();
        String email = "bench-" + run + "-" + i + "@example.com";
        String phone = "07400 " + (100000 + (Math.abs((run + i).hashCode()) % 900000));
        String clientId = http.post(g + "/api/bookings/clients", """
                {"fullName":"Bench Person %d","email":"%s","phone":"%s","dateOfBirth":"1985-03-04"}
                """.formatted(i, email, phone), reception).path("id").asString();
        String appointment = http.post(g + "/api/bookings/appointments", """
                {"clientId":"%s","treatment":"Anti-wrinkle","practitioner":"Dr Alluris","start":"%s"}
                """.formatted(clientId, OffsetDateTime.now(ZoneOffset.UTC).minusDays(20)), reception).path("id").asString();
        http.post(g + "/api/bookings/payments", """
                {"appointmentId":"%s","amountPence":19000,"status":"PAID","processorReference":"pi_bench_%d"}
                """.formatted(appointment, i), reception);
        http.post(g + "/api/records/entries", """
                {"email":"%s","kind":"TREATMENT","recordedAt":"%s","fields":{"product":"Botox","units":20},"notes":"bench"}
                """.formatted(email, OffsetDateTime.now(ZoneOffset.UTC).minusDays(20)), clinician);
        http.post(g + "/api/consents", """
                {"email":"%s","purpose":"marketing.email","granted":true,"policyVersion":"2026-01","channel":"WEB"}
                """.formatted(email), reception);
        http.post(g + "/api/marketing/subscribers", """
                {"email":"%s","phone":"%s","fullName":"Bench Person %d","lists":["newsletter"],"source":"benchmark"}
                """.formatted(email, phone, i), admin);
        return new Person(email, phone, clientId);
    }
}
