package uk.alluris.booking.catalogue;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A day the clinic is closed besides bank holidays (training, refurbishment, Christmas week). */
@Document("clinic_closures")
record Closure(@Id UUID id, LocalDate date, String reason) {
}
