package uk.alluris.booking.clients;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.kit.identity.Normalisation;
import uk.alluris.kit.paging.Paging;
import uk.alluris.kit.privacy.Restrictions;
import uk.alluris.kit.problem.ProblemException;
import uk.alluris.kit.security.CurrentCaller;

/**
 * Reception finds a client by one thing: an email address or a phone number (matched through their blind indexes,
 * as they are stored), or part of a name. Staff only: a client has nobody to look up but themselves.
 */
@RestController
@Validated
class ClientSearch {

    static final int MOST = 50;

    record Found(
            @Schema(description = "The client's id", example = "3f6b2c1e-8d4a-4b7e-9c2f-5a1d0e7b9c34") UUID id,
            @Schema(description = "Their full name", example = "Jo Bloggs") String fullName,
            @Schema(description = "Their email address", example = "jo.bloggs@example.org") String email,
            @Schema(description = "Their phone number, international format; null when not given",
                    example = "+447700900123") String phone,
            @Schema(description = "Their date of birth (ISO-8601 date)", example = "1990-04-17") LocalDate dateOfBirth,
            @Schema(description = "Whether their processing is restricted: book no new care, offer nothing",
                    example = "false") boolean restricted) {
    }

    private final Clients clients;
    private final BlindIndexer indexer;
    private final Restrictions restrictions;

    ClientSearch(Clients clients, BlindIndexer indexer, Restrictions restrictions) {
        this.clients = clients;
        this.indexer = indexer;
        this.restrictions = restrictions;
    }

    @Operation(summary = "Search clients", description = "RECEPTION and CLINICIAN find clients by one of email, "
            + "phone or part of a name (2 to 200 characters); a CLIENT is refused (403). At most 50 are found, each "
            + "saying whether their processing is restricted; erased clients are not found.")
    @GetMapping("/api/bookings/clients")
    List<Found> search(@RequestParam(required = false) @Size(max = 320) String email,
            @RequestParam(required = false) @Size(max = 40) String phone,
            // a NUL or other control character is no part of a name (and the store refuses it in a pattern: a 500)
            @RequestParam(required = false) @Size(min = 2, max = 200)
            @Pattern(regexp = "\\P{Cntrl}*", message = "a name has no control characters") String name,
            Paging paging) {
        if (CurrentCaller.get().map(CurrentCaller::isClient).orElse(true)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "Forbidden", "only staff search clients");
        }
        List<Client> found;
        if (email != null && !email.isBlank()) {
            found = clients.findByEmailIndex(indexer.email(Normalisation.email(email)));
        } else if (phone != null && !phone.isBlank()) {
            found = clients.findByPhoneIndex(indexer.phone(phone));
        } else if (name != null && !name.isBlank()) {
            found = clients.findByFullNameContainingIgnoreCase(name.strip());
        } else {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "What to search for?",
                    "give one of email, phone or name (at least 2 characters)");
        }
        return paging.of(found.stream().limit(MOST).map(client -> new Found(client.id(), client.fullName(),
                client.email(),
                client.phone(), client.dateOfBirth(), restrictions.isRestricted(client.id().toString(),
                        client.emailIndex(), client.phoneIndex()))).toList());
    }
}
