package uk.alluris.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.alluris.testsupport.ServiceCalls.Answer;

/**
 * Through the gateway, as the portal and the dashboard would: a client signed in by a mailed code registers, books a
 * slot from availability in the seeded catalogue and sees it in their appointments; a 17-year-old cannot be booked for
 * a dermal filler, neither online nor by reception.
 */
class OnlineBookingSystemTest {

    private final PlatformClient client = new PlatformClient(RunningPlatform.get());
    private final String reception = client.staffToken("reception@alluris.local");

    @Test
    void aClientBooksOnlineFromAvailabilityAndAFillerIsRefusedForASeventeenYearOldOnlineAndByStaff() {
        String email = "online-" + UUID.randomUUID() + "@example.com";
        String portal = client.clientToken(email);
        Answer registered = client.call("POST", "/api/bookings/clients", """
                {"fullName":"Olive Online","email":"%s","dateOfBirth":"1992-05-05"}""".formatted(email), portal);
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        String peel = treatment("Chemical peel", portal);
        Instant from = Instant.now().plus(3, ChronoUnit.DAYS);
        Answer slots = client.call("GET", "/api/bookings/availability?treatment=%s&from=%s&to=%s".formatted(peel, from,
                from.plus(7, ChronoUnit.DAYS)), null, portal);
        assertThat(slots.status()).as(slots.text()).isEqualTo(200);

        Answer booked = null;
        for (JsonNode slot : slots.json()) {
            booked = client.call("POST", "/api/bookings/appointments", """
                    {"treatmentId":"%s","practitionerId":"%s","start":"%s"}""".formatted(peel,
                    slot.path("practitionerId").asString(), slot.path("start").asString()), portal);
            if (booked.status() != 409) {
                break;
            }
        }

        assertThat(booked).isNotNull();
        assertThat(booked.status()).as(booked.text()).isEqualTo(201);
        String clientId = registered.json().path("id").asString();
        assertThat(client.call("GET", "/api/bookings/clients/" + clientId + "/appointments", null, portal).json())
                .singleElement().satisfies(appointment -> {
                    assertThat(appointment.path("treatment").asString()).isEqualTo("Chemical peel");
                    assertThat(appointment.path("status").asString()).isEqualTo("BOOKED");
                });

        String youngEmail = "young-" + UUID.randomUUID() + "@example.com";
        String young = client.clientToken(youngEmail);
        String seventeen = LocalDate.now(ZoneId.of("Europe/London")).minusYears(17).plusDays(30).toString();
        Answer youngRegistered = client.call("POST", "/api/bookings/clients", """
                {"fullName":"Yara Young","email":"%s","dateOfBirth":"%s"}""".formatted(youngEmail, seventeen), young);
        assertThat(youngRegistered.status()).as(youngRegistered.text()).isEqualTo(201);
        String filler = treatment("Dermal filler", young);
        JsonNode slot = client.call("GET", "/api/bookings/availability?treatment=%s&from=%s&to=%s".formatted(filler,
                from, from.plus(7, ChronoUnit.DAYS)), null, young).json().get(0);
        String body = """
                {%s"treatmentId":"%s","practitionerId":"%s","start":"%s"}""";

        Answer online = client.call("POST", "/api/bookings/appointments", body.formatted("", filler,
                slot.path("practitionerId").asString(), slot.path("start").asString()), young);
        Answer byStaff = client.call("POST", "/api/bookings/appointments", body.formatted("\"clientId\":\""
                + youngRegistered.json().path("id").asString() + "\",", filler, slot.path("practitionerId").asString(),
                slot.path("start").asString()), reception);

        assertThat(online.status()).as(online.text()).isEqualTo(422);
        assertThat(byStaff.status()).as(byStaff.text()).isEqualTo(422);
        assertThat(online.json().path("rule").asString()).isEqualTo("minimum-age");
        assertThat(byStaff.json().path("rule").asString()).isEqualTo("minimum-age");
    }

    private String treatment(String name, String token) {
        return client.call("GET", "/api/bookings/treatments", null, token).json().valueStream()
                .filter(treatment -> treatment.path("name").asString().equals(name)).findFirst().orElseThrow()
                .path("id").asString();
    }
}
