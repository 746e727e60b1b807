package uk.alluris.booking.catalogue;

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

    record ClosureBody(@NotNull LocalDate date, @NotBlank @Size(max = 200) String reason) {
    }

    record ClosedDays(List<Closure> closures, List<LocalDate> bankHolidays) {
    }

    private final Closures closures;
    private final ClinicCalendar calendar;

    ClosureController(Closures closures, ClinicCalendar calendar) {
        this.closures = closures;
        this.calendar = calendar;
    }

    @GetMapping
    ClosedDays list() {
        return new ClosedDays(closures.findAllByOrderByDateAsc(), calendar.bankHolidays().stream().sorted().toList());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Closure add(@Valid @RequestBody ClosureBody body) {
        if (closures.existsByDate(body.date())) {
            throw new ProblemException(HttpStatus.CONFLICT, "Already closed", "the clinic is already closed on "
                    + body.date());
        }
        return closures.save(new Closure(UUID.randomUUID(), body.date(), body.reason().strip()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable UUID id) {
        closures.delete(closures.findById(id).orElseThrow(() -> ProblemException.notFound("closure " + id)));
    }
}
