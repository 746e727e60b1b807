package uk.alluris.booking.appointments;

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

    record DiaryEntry(UUID appointmentId, Instant start, Instant end, String status, UUID clientId, String clientName,
            boolean restricted, boolean objected, UUID treatmentId, String treatment, UUID practitionerId,
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
