package uk.alluris.booking.catalogue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.alluris.kit.problem.ProblemException;

/**
 * Days the clinic is shut besides bank holidays: anyone signed in reads them with the bank holidays; ADMIN adds and
 * removes them. Appointments already booked on a day later closed stay in the diary for staff to move.
 */
@RestController
@RequestMapping("/api/bookings/closures")
class ClosureController {

    record ClosureBody(
            @Schema(description = "The day the clinic is closed (ISO-8601 date); one closure per day",
                    example = "2026-12-29") @NotNull LocalDate date,
            @Schema(description = "Why it is closed, at most 200 characters", example = "Staff training")
            @NotBlank @Size(max = 200) String reason) {
    }

    record ClosedDays(
            @Schema(description = "The days closed besides bank holidays, earliest first", example = "[{\"id\": "
                    + "\"7e1c3a5b-9d2f-4e6a-b8c0-1f3d5e7a9b26\", \"date\": \"2026-12-29\", \"reason\": "
                    + "\"Staff training\"}]") List<Closure> closures,
            @Schema(description = "The bank holidays the clinic is shut on (ISO-8601 dates), earliest first",
                    example = "[\"2026-12-25\", \"2026-12-28\"]") List<LocalDate> bankHolidays) {
    }

    private final Closures closures;
    private final ClinicCalendar calendar;

    ClosureController(Closures closures, ClinicCalendar calendar) {
        this.closures = closures;
        this.calendar = calendar;
    }

    @Operation(summary = "List closed days", description = "The days the clinic is closed besides bank holidays, "
            + "with the bank holidays, for anyone signed in.")
    @GetMapping
    ClosedDays list() {
        return new ClosedDays(closures.findAllByOrderByDateAsc(), calendar.bankHolidays().stream().sorted().toList());
    }

    @Operation(summary = "Add a closed day", description = "ADMIN only: closes the clinic on a day (409 when it is "
            + "already closed); appointments already booked that day stay in the diary for staff to move.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Closure add(@Valid @RequestBody ClosureBody body) {
        if (closures.existsByDate(body.date())) {
            throw new ProblemException(HttpStatus.CONFLICT, "Already closed", "the clinic is already closed on "
                    + body.date());
        }
        return closures.save(new Closure(UUID.randomUUID(), body.date(), body.reason().strip()));
    }

    @Operation(summary = "Remove a closed day", description = "ADMIN only: opens the clinic again on a day closed "
            + "before.")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable UUID id) {
        closures.delete(closures.findById(id).orElseThrow(() -> ProblemException.notFound("closure " + id)));
    }
}
