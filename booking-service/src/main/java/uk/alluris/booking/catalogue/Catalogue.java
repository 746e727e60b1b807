package uk.alluris.booking.catalogue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import uk.alluris.kit.problem.ProblemException;

/** What other features (availability, booking, the diary) read of the catalogue and the clinic's calendar. */
@Component
public class Catalogue {

    private final Treatments treatments;
    private final Practitioners practitioners;
    private final Closures closures;
    private final ClinicCalendar calendar;

    Catalogue(Treatments treatments, Practitioners practitioners, Closures closures, ClinicCalendar calendar) {
        this.treatments = treatments;
        this.practitioners = practitioners;
        this.closures = closures;
        this.calendar = calendar;
    }

    /** The treatment, whether still offered or not; a 404 problem when there is none. */
    public Treatment treatment(UUID id) {
        return treatments.findById(id).orElseThrow(() -> ProblemException.notFound("treatment " + id));
    }

    /** A treatment that can be booked now: a 422 problem when it is no longer offered. */
    public Treatment bookableTreatment(UUID id) {
        Treatment treatment = treatment(id);
        if (!treatment.active()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "Treatment not offered",
                    "treatment " + id + " is no longer offered");
        }
        return treatment;
    }

    public Practitioner practitioner(UUID id) {
        return practitioners.findById(id).orElseThrow(() -> ProblemException.notFound("practitioner " + id));
    }

    public List<Practitioner> activePractitioners() {
        return practitioners.findByActiveTrueOrderByNameAsc();
    }

    public List<Practitioner> allPractitioners() {
        return practitioners.findAllByOrderByNameAsc();
    }

    /** Whether the clinic is shut all day: a bank holiday or a recorded closure. */
    public boolean isClosed(LocalDate day) {
        return calendar.bankHolidays().contains(day) || closures.existsByDate(day);
    }

    /** The days in {@code [from, to]} the clinic is shut, read once, for availability's many questions. */
    public Predicate<LocalDate> closedDays(LocalDate from, LocalDate to) {
        Set<LocalDate> closed = new HashSet<>(calendar.bankHolidays());
        closures.findByDateBetweenOrderByDateAsc(from.minusDays(1), to.plusDays(1)).forEach(c -> closed.add(c.date()));
        return closed::contains;
    }

    public ClinicCalendar calendar() {
        return calendar;
    }
}
