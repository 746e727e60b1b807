package uk.alluris.rights.complaints;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** What callers send and read about complaints, with the limits each field is held to (a 400 problem otherwise). */
final class ComplaintBodies {

    private ComplaintBodies() {
    }

    /**
     * @param email the complainant's address: a client's must be the one their sign-in proved
     * @param channel how staff received it (PHONE, EMAIL, LETTER, IN_PERSON); a client's own complaint is PORTAL
     */
    record Made(@NotBlank @Size(max = 320) String email, @NotBlank @Size(max = 5000) String text,
            @Pattern(regexp = "PORTAL|PHONE|EMAIL|LETTER|IN_PERSON",
                    message = "must be one of PORTAL, PHONE, EMAIL, LETTER, IN_PERSON") String channel) {
    }

    record Assigned(@NotBlank @Size(max = 200) String assignee) {
    }

    record Answered(@NotBlank @Size(max = 10000) String text) {
    }

    /** @param text and {@code answer} opened for the complainant and for staff reading one complaint; null in lists */
    record View(UUID id, String status, String channel, Instant receivedAt, LocalDate dueDate, boolean overdue,
            String assignee, String text, String answer, Instant answeredAt, boolean held, String email) {
    }
}
