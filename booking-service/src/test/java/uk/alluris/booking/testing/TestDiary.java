package uk.alluris.booking.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import uk.alluris.testsupport.ServiceCalls;
import uk.alluris.testsupport.ServiceCalls.Answer;
import uk.alluris.testsupport.TestTokens;

/**
 * A practitioner and a treatment of a test's own, made through the API as ADMIN, so a test books slots no other test
 * competes for: the practitioner works every day from 08:00 to 20:00 clinic time.
 */
public final class TestDiary {

    public static final String ADMIN = TestTokens.get().staff("ADMIN");
    private static final String RECEPTION = TestTokens.get().staff("RECEPTION");

    private final ServiceCalls calls;
    private final String practitionerId;
    private final String treatmentId;

    private TestDiary(ServiceCalls calls, String practitionerId, String treatmentId) {
        this.calls = calls;
        this.practitionerId = practitionerId;
        this.treatmentId = treatmentId;
    }

    /** A new practitioner (with these roles) and a 30-minute treatment with no minimum age and no rules. */
    public static TestDiary create(ServiceCalls calls, String... roles) {
        String practitioner = practitioner(calls, roles);
        String treatment = treatment(calls, """
                {"name":"Test facial %s","durationMinutes":30,"pricePence":9000,"depositPence":2000,"minimumAge":0,
                 "aftercare":"Keep it clean."}""".formatted(UUID.randomUUID()));
        return new TestDiary(calls, practitioner, treatment);
    }

    public static String practitioner(ServiceCalls calls, String... roles) {
        StringBuilder hours = new StringBuilder();
        for (String day : new String[] { "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY" }) {
            hours.append(hours.isEmpty() ? "" : ",").append("{\"day\":\"%s\",\"start\":\"08:00\",\"end\":\"20:00\"}"
                    .formatted(day));
        }
        Answer answer = calls.post("/api/bookings/practitioners", """
                {"name":"Practitioner %s","roles":[%s],"weeklyHours":[%s]}
                """.formatted(UUID.randomUUID(), roles.length == 0 ? "" : "\"" + String.join("\",\"", roles) + "\"",
                hours), ADMIN);
        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        return answer.json().path("id").asString();
    }

    public static String treatment(ServiceCalls calls, String json) {
        Answer answer = calls.post("/api/bookings/treatments", json, ADMIN);
        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        return answer.json().path("id").asString();
    }

    public String practitionerId() {
        return practitionerId;
    }

    public String treatmentId() {
        return treatmentId;
    }

    /** The first free slot of this practitioner for {@code treatment} at or after {@code after}. */
    public JsonNode firstFreeSlot(String treatment, Instant after) {
        Answer slots = calls.get("/api/bookings/availability?treatment=%s&practitioner=%s&from=%s&to=%s".formatted(
                treatment, practitionerId, after, after.plus(Duration.ofDays(7))), RECEPTION);
        assertThat(slots.status()).as(slots.text()).isEqualTo(200);
        assertThat(slots.json().isEmpty()).as("free slots after " + after).isFalse();
        return slots.json().get(0);
    }

    /** Books this diary's treatment in the first free slot at or after {@code after}. */
    public Answer book(String clientId, String token, Instant after) {
        return book(clientId, token, treatmentId, after);
    }

    public Answer book(String clientId, String token, String treatment, Instant after) {
        return book(clientId, token, treatment, after, null);
    }

    /** Books a treatment (this diary's when null) in the first free slot at or after {@code after}, with notes (or null). */
    public Answer book(String clientId, String token, String treatmentOrNull, Instant after, String notes) {
        String treatment = treatmentOrNull == null ? treatmentId : treatmentOrNull;
        JsonNode slot = firstFreeSlot(treatment, after);
        return calls.post("/api/bookings/appointments", """
                {%s"treatmentId":"%s","practitionerId":"%s","start":"%s"%s}
                """.formatted(clientId == null ? "" : "\"clientId\":\"" + clientId + "\",", treatment, practitionerId,
                slot.path("start").asString(), notes == null ? "" : ",\"notes\":\"" + notes + "\""), token);
    }

    /** Books and expects it to succeed; the appointment's id. */
    public String booked(String clientId, String token, Instant after) {
        Answer answer = book(clientId, token, after);
        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        return answer.json().path("id").asString();
    }


}
