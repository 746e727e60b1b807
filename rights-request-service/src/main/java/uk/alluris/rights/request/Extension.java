package uk.alluris.rights.request;

import java.time.Instant;
import java.time.LocalDate;

/** The one extension a request may have: up to two further months, for a stated reason. */
public record Extension(int months, String reason, Instant grantedAt, LocalDate newDueDate) {
}
