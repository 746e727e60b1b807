package uk.alluris.booking.agechecks;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.alluris.booking.clients.ClientAccess;
import uk.alluris.kit.paging.Paging;
import uk.alluris.kit.problem.ProblemException;
import uk.alluris.kit.security.CurrentCaller;

/**
 * Staff (RECEPTION, CLINICIAN: access rules in {@code security}) record how a client's age was checked; the member of
 * staff signed in is the one who checked. {@code checkedAt} defaults to now and may be up to a week back (a check
 * recorded after the visit), never in the future.
 */
@RestController
@RequestMapping("/api/bookings/clients/{clientId}/age-checks")
class AgeCheckController {

    private static final Duration LATEST_RECORDING = Duration.ofDays(7);

    record NewAgeCheck(
            @Schema(description = "The kind of photo identity seen: PASSPORT, DRIVING_LICENCE, PASS_CARD, "
                    + "BIOMETRIC_RESIDENCE_PERMIT or ARMED_FORCES_ID", example = "PASSPORT")
            @NotNull AgeCheck.DocumentType documentType,
            @Schema(description = "When it was seen, ISO-8601 with an offset: not in the future nor more than 7 days "
                    + "ago; left out means now", example = "2026-12-03T10:25:00Z") OffsetDateTime checkedAt) {
    }

    private final AgeChecks checks;
    private final ClientAccess clients;
    private final Clock clock;

    AgeCheckController(AgeChecks checks, ClientAccess clients, Clock clock) {
        this.checks = checks;
        this.clients = clients;
        this.clock = clock;
    }

    @Operation(summary = "Record an age check", description = "RECEPTION and CLINICIAN record which photo identity "
            + "showed a client's age, as the member of staff signed in; never the document's number or image. Up to 7 "
            + "days after the visit, never in the future (400).")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    AgeCheck record(@PathVariable UUID clientId, @Valid @RequestBody NewAgeCheck body) {
        clients.requireReadable(clientId);
        Instant now = clock.instant();
        Instant checkedAt = body.checkedAt() == null ? now : body.checkedAt().toInstant();
        if (checkedAt.isAfter(now) || checkedAt.isBefore(now.minus(LATEST_RECORDING))) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid input",
                    "checkedAt must not be in the future nor more than 7 days ago");
        }
        String checkedBy = CurrentCaller.get().map(CurrentCaller::subject).orElseThrow();
        return checks.save(new AgeCheck(UUID.randomUUID(), clientId, body.documentType(), checkedBy, checkedAt, now));
    }

    @Operation(summary = "List a client's age checks", description = "RECEPTION and CLINICIAN only: the age checks "
            + "recorded for a client, earliest first, in pages of at most 200 (page, size).")
    @GetMapping
    List<AgeCheck> list(@PathVariable UUID clientId, Paging paging) {
        clients.requireReadable(clientId);
        return paging.of(checks.findByClientIdOrderByCheckedAtAsc(clientId));
    }
}
