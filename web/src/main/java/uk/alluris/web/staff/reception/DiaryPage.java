package uk.alluris.web.staff.reception;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.alluris.web.pages.Paged;
import uk.alluris.web.pages.UkFormats;
import uk.alluris.web.services.Service;
import uk.alluris.web.services.ServiceCalls;

/**
 * The clinic's diary for any day, for everyone or one practitioner (booking's {@code GET /api/bookings/diary}): each
 * appointment with the client and whether their processing is restricted or they objected to marketing.
 */
@Controller
class DiaryPage {

    private static final ParameterizedTypeReference<List<DiaryEntry>> DAY = new ParameterizedTypeReference<>() { };

    record DiaryEntry(UUID appointmentId, Instant start, Instant end, String status, UUID clientId, String clientName,
            boolean restricted, boolean objected, UUID treatmentId, String treatment, UUID practitionerId,
            String practitioner) {
    }

    private final ServiceCalls calls;

    DiaryPage(ServiceCalls calls) {
        this.calls = calls;
    }

    @GetMapping("/staff/reception/diary")
    String day(@RequestParam(required = false) String date, @RequestParam(required = false) UUID practitioner,
            @RequestParam(defaultValue = "1") int page, Model model) {
        LocalDate day = dayOf(date);
        // the whole day once: the practitioners working it are the choices, one of them the filter
        List<DiaryEntry> all = calls.get(Service.BOOKING, "/api/bookings/diary?date={date}", DAY, day);
        Map<UUID, String> practitioners = new LinkedHashMap<>();
        all.stream().filter(entry -> entry.practitionerId() != null)
                .forEach(entry -> practitioners.putIfAbsent(entry.practitionerId(), entry.practitioner()));
        model.addAttribute("day", day);
        model.addAttribute("previous", day.minusDays(1));
        model.addAttribute("next", day.plusDays(1));
        model.addAttribute("practitioner", practitioner);
        model.addAttribute("practitioners", practitioners);
        model.addAttribute("entries", Paged.of(all.stream()
                .filter(entry -> practitioner == null || practitioner.equals(entry.practitionerId())).toList(), page));
        return "staff/reception/diary";
    }

    private static LocalDate dayOf(String date) {
        try {
            return date == null || date.isBlank() ? LocalDate.now(UkFormats.CLINIC) : LocalDate.parse(date.strip());
        } catch (DateTimeParseException unreadable) {
            return LocalDate.now(UkFormats.CLINIC);
        }
    }
}
