package uk.alluris.booking.catalogue;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A day the clinic is closed besides bank holidays (training, refurbishment, Christmas week). */
@Document("clinic_closures")
record Closure(
        @Schema(description = "The closure's id", example = "7e1c3a5b-9d2f-4e6a-b8c0-1f3d5e7a9b26") @Id UUID id,
        @Schema(description = "The day the clinic is closed (ISO-8601 date)", example = "2026-12-29") LocalDate date,
        @Schema(description = "Why it is closed", example = "Staff training") String reason) {
}
