package uk.alluris.booking.privacy;

import java.util.List;
import org.springframework.stereotype.Component;
import uk.alluris.booking.appointments.AppointmentPrivacy;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.kit.retention.RetainedCategory;
import uk.alluris.kit.retention.RetentionDay;

/**
 * Appointments ({@code appointments} in the register) end with their client's profile: an inactive client's future
 * appointments are deleted and past ones lose their identity, just before the profile itself is erased (the register
 * lists this category first so the log counts them here).
 */
@Component
class AppointmentsOfInactiveClients implements RetainedCategory {

    private final InactiveClients inactive;
    private final AppointmentPrivacy appointments;

    AppointmentsOfInactiveClients(InactiveClients inactive, AppointmentPrivacy appointments) {
        this.inactive = inactive;
        this.appointments = appointments;
    }

    @Override
    public String category() {
        return "appointments";
    }

    @Override
    public long eraseEnded(RetentionDay day) {
        return inactive.decide(day).stream()
                .flatMap(client -> appointments.erase(List.of(client.clientId())).stream())
                .mapToLong(CategoryOutcome::count).sum();
    }

    @Override
    public Ending ending(RetentionDay day) {
        List<InactiveClients.Inactive> ending = inactive.endingBy(day);
        return new Ending(ending.size(), ending.stream().map(InactiveClients.Inactive::endsOn).min(Comparable::compareTo));
    }
}
