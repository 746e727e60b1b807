package uk.alluris.booking.catalogue;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A member of the clinic who treats clients, with their roles and weekly working hours (clinic time). */
@Document("practitioners")
public record Practitioner(@Id UUID id, String name, Set<PractitionerRole> roles, List<WorkingHours> weeklyHours,
        boolean active) {

    /** One span of a working day, e.g. Monday 09:00 to 13:00; a day may have several. */
    public record WorkingHours(DayOfWeek day, LocalTime start, LocalTime end) {
    }

    public Practitioner {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        weeklyHours = weeklyHours == null ? List.of() : List.copyOf(weeklyHours);
    }

    public boolean holds(PractitionerRole role) {
        return roles.contains(role);
    }

    /** The spans worked on {@code day}. */
    public List<WorkingHours> hoursOn(DayOfWeek day) {
        return weeklyHours.stream().filter(hours -> hours.day() == day).toList();
    }
}
