package uk.alluris.booking.catalogue;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A member of the clinic who treats clients, with their roles and weekly working hours (clinic time). */
@Document("practitioners")
public record Practitioner(
        @Schema(description = "The practitioner's id", example = "9d2f4a6c-1e3b-4c5d-8f7a-6b0e2d4c8a17") @Id UUID id,
        @Schema(description = "Their name as clients see it", example = "Dr Sam Example") String name,
        @Schema(description = "What they are qualified to do: PRESCRIBER, AESTHETIC_PRACTITIONER, SKIN_THERAPIST",
                example = "[\"PRESCRIBER\"]") Set<PractitionerRole> roles,
        @Schema(description = "The spans worked each week, clinic time; a day may have several",
                example = "[{\"day\": \"MONDAY\", \"start\": \"09:00\", \"end\": \"13:00\"}]")
        List<WorkingHours> weeklyHours,
        @Schema(description = "Whether they are working; only active practitioners are offered or listed",
                example = "true") boolean active) {

    /** One span of a working day, e.g. Monday 09:00 to 13:00; a day may have several. */
    public record WorkingHours(
            @Schema(description = "The day of the week", example = "MONDAY") DayOfWeek day,
            @Schema(description = "When the span starts, clinic time (HH:mm, on the quarter hour)", example = "09:00")
            LocalTime start,
            @Schema(description = "When it ends, clinic time (HH:mm, on the quarter hour, after the start)",
                    example = "13:00") LocalTime end) {
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
