package uk.alluris.booking.appointments;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.alluris.booking.catalogue.Catalogue;
import uk.alluris.booking.clients.ClientFacts;
import uk.alluris.kit.paging.Paging;

/**
 * The staff diary ({@code GET /api/bookings/diary?date=YYYY-MM-DD[&practitioner=]}, RECEPTION and CLINICIAN only):
 * one clinic day (midnight to midnight in London, 23 or 25 hours on the clocks' change days), every appointment with
 * the client's name and whether their processing is restricted or they objected to marketing, so staff know what
 * not to offer. An appointment kept without identity after an erasure shows no client.
 */
@RestController
class DiaryController {

    record DiaryEntry(
            @Schema(description = "The appointment's id", example = "5c9e1a3b-7d2f-4b6e-8a0c-3e5f7a9b1d24")
            UUID appointmentId,
            @Schema(description = "When it starts (UTC, ISO-8601)", example = "2026-12-03T10:30:00Z") Instant start,
            @Schema(description = "When it ends (UTC, ISO-8601)", example = "2026-12-03T11:00:00Z") Instant end,
            @Schema(description = "Where it stands: BOOKED, COMPLETED, CANCELLED or NO_SHOW", example = "BOOKED")
            String status,
            @Schema(description = "The client's id; null for an appointment kept without identity after an erasure",
                    example = "3f6b2c1e-8d4a-4b7e-9c2f-5a1d0e7b9c34") UUID clientId,
            @Schema(description = "The client's full name; null without a client", example = "Jo Bloggs")
            String clientName,
            @Schema(description = "Whether the client's processing is restricted: book no new care, offer nothing",
                    example = "false") boolean restricted,
            @Schema(description = "Whether the client objected to marketing: offer no promotions", example = "false")
            boolean objected,
            @Schema(description = "The catalogue's treatment; null for a past visit recorded in free text",
                    example = "0b8e5d2a-6c1f-4e3b-a9d7-2f4c6e8a1b35") UUID treatmentId,
            @Schema(description = "The treatment's name as booked", example = "Anti-wrinkle injections, three areas")
            String treatment,
            @Schema(description = "The practitioner's id; null for a past visit recorded in free text",
                    example = "9d2f4a6c-1e3b-4c5d-8f7a-6b0e2d4c8a17") UUID practitionerId,
            @Schema(description = "The practitioner's name as booked", example = "Dr Sam Example")
            String practitioner) {
    }

    private final Appointments appointments;
    private final ClientFacts clients;
    private final Catalogue catalogue;

    DiaryController(Appointments appointments, ClientFacts clients, Catalogue catalogue) {
        this.appointments = appointments;
        this.clients = clients;
        this.catalogue = catalogue;
    }

    @Operation(summary = "Read the diary for a day", description = "RECEPTION and CLINICIAN only: one clinic day's "
            + "appointments (London midnight to midnight), optionally for one practitioner, with each client's name "
            + "and whether they are restricted or objected to marketing; an erased client's kept visit shows no "
            + "client. In pages of at most 200 (page, size).")
    @GetMapping("/api/bookings/diary")
    List<DiaryEntry> day(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) UUID practitioner, Paging paging) {
        ZoneId zone = catalogue.calendar().zone();
        List<Appointment> day = paging.of(appointments.findStartingIn(
                date.atStartOfDay(zone).toInstant(), date.plusDays(1).atStartOfDay(zone).toInstant()).stream()
                .filter(a -> practitioner == null || practitioner.equals(a.practitionerId())).toList());
        Map<UUID, ClientFacts.Facts> people = clients.of(day.stream().map(Appointment::clientId)
                .filter(Objects::nonNull).distinct().toList());
        return day.stream().map(a -> {
            ClientFacts.Facts client = a.clientId() == null ? null : people.get(a.clientId());
            return new DiaryEntry(a.id(), a.start(), a.end(), a.status().name(), a.clientId(),
                    client == null ? null : client.fullName(), client != null && client.restricted(),
                    client != null && client.objected(), a.treatmentId(), a.treatment(), a.practitionerId(),
                    a.practitioner());
        }).toList();
    }
}
