package uk.alluris.booking.clients;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.kit.identity.Normalisation;
import uk.alluris.kit.privacy.Restrictions;
import uk.alluris.kit.problem.ProblemException;
import uk.alluris.kit.security.CurrentCaller;

/** Client contact profiles: reception registers people; a client reads (and may register) only themselves. */
@RestController
@RequestMapping("/api/bookings/clients")
class ClientController {

    record NewClient(
            @Schema(description = "The client's full name, at most 200 characters", example = "Jo Bloggs")
            @NotBlank @Size(max = 200) String fullName,
            @Schema(description = "Their email address, at most 320 characters; one profile per address (a client "
                    + "registers with the address they signed in with)", example = "jo.bloggs@example.org")
            @NotBlank @Email @Size(max = 320) String email,
            @Schema(description = "Their phone number, at most 40 characters, UK or international",
                    example = "+447700900123") @Size(max = 40) String phone,
            @Schema(description = "Their date of birth (ISO-8601 date, in the past): the law on who may be treated",
                    example = "1990-04-17") @NotNull @Past LocalDate dateOfBirth,
            @Schema(description = "Whether messages may carry promotional content; left out means no, and a "
                    + "restricted person gets none", example = "false") Boolean promotionalContent) {
    }

    record Correction(
            @Schema(description = "The corrected full name, 1 to 200 characters; left out stays as it is",
                    example = "Jo Bloggs") @Size(max = 200) String fullName,
            @Schema(description = "The corrected email address, at most 320 characters; left out stays as it is",
                    example = "jo.bloggs@example.org") @Email @Size(max = 320) String email,
            @Schema(description = "The corrected phone number, at most 40 characters; left out stays as it is",
                    example = "+447700900123") @Size(max = 40) String phone,
            @Schema(description = "The corrected date of birth (ISO-8601 date, in the past); left out stays as it is",
                    example = "1990-04-17") LocalDate dateOfBirth) {
    }

    record PromotionalContent(
            @Schema(description = "Whether messages may carry promotional content", example = "true")
            @NotNull Boolean allowed) {
    }

    record ClientView(
            @Schema(description = "The client's id", example = "3f6b2c1e-8d4a-4b7e-9c2f-5a1d0e7b9c34") UUID id,
            @Schema(description = "Their full name", example = "Jo Bloggs") String fullName,
            @Schema(description = "Their email address", example = "jo.bloggs@example.org") String email,
            @Schema(description = "Their phone number, international format; null when not given",
                    example = "+447700900123") String phone,
            @Schema(description = "Their date of birth (ISO-8601 date)", example = "1990-04-17") LocalDate dateOfBirth,
            @Schema(description = "Whether messages may carry promotional content", example = "false")
            boolean promotionalContent,
            @Schema(description = "Whether they asked for processing of their data to be restricted",
                    example = "false") boolean restricted,
            @Schema(description = "Whether they objected to marketing", example = "false") boolean objected,
            @Schema(description = "When the profile was registered (UTC, ISO-8601)", example = "2026-11-20T09:15:00Z")
            Instant registeredAt) {
    }

    private final Clients clients;
    private final ClientAccess access;
    private final BlindIndexer indexer;
    private final Restrictions restrictions;
    private final StaffCorrections corrections;
    private final Clock clock;

    ClientController(Clients clients, ClientAccess access, BlindIndexer indexer, Restrictions restrictions,
            StaffCorrections corrections, Clock clock) {
        this.corrections = corrections;
        this.clients = clients;
        this.access = access;
        this.indexer = indexer;
        this.restrictions = restrictions;
        this.clock = clock;
    }

    @Operation(summary = "Register a client", description = "RECEPTION and CLINICIAN register anyone; a CLIENT "
            + "registers only themselves, with the email address they signed in with (403 otherwise). 409 when the "
            + "address is already registered; a person whose processing is restricted gets no promotional content.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ClientView register(@Valid @RequestBody NewClient body) {
        String email = Normalisation.email(body.email());
        String emailIndex = indexer.email(email);
        String phone = body.phone() == null || body.phone().isBlank() ? null : indexer.normalisePhone(body.phone());
        CurrentCaller.get().filter(CurrentCaller::isClient).filter(caller -> !caller.is(emailIndex)).ifPresent(caller -> {
            throw new ProblemException(HttpStatus.FORBIDDEN, "Forbidden", "a client may register only themselves");
        });
        if (clients.existsByEmailIndex(emailIndex)) {
            throw new ProblemException(HttpStatus.CONFLICT, "Already registered", "a client with this email address exists");
        }
        boolean restricted = restrictions.isRestricted(null, emailIndex, phone == null ? null : indexer.phone(phone));
        Client client = Client.register(body.fullName().trim(), email, phone, body.dateOfBirth(), emailIndex,
                phone == null ? null : indexer.phone(phone),
                Boolean.TRUE.equals(body.promotionalContent()) && !restricted, clock.instant());
        return view(clients.save(client));
    }

    /**
     * The signed-in client's own profile, found by the email their token is bound to: the portal's way to its
     * person's id and details (a client may not search). Staff have no profile of their own (403); a client not
     * registered yet gets 404.
     */
    @Operation(summary = "Read my client profile", description = "A signed-in CLIENT's own profile, found by the "
            + "email address their token is bound to; staff have none (403), and a client not registered yet, or "
            + "erased, gets 404.")
    @GetMapping("/me")
    ClientView mine() {
        String emailIndex = CurrentCaller.get().filter(CurrentCaller::isClient).flatMap(CurrentCaller::emailIndex)
                .orElseThrow(() -> new ProblemException(HttpStatus.FORBIDDEN, "Forbidden",
                        "only a signed-in client has a profile of their own"));
        return clients.findByEmailIndex(emailIndex).stream().findFirst().map(this::view)
                .orElseThrow(() -> ProblemException.notFound("a client profile for this sign-in"));
    }

    @Operation(summary = "Read a client", description = "One client's profile for RECEPTION and CLINICIAN, or for "
            + "that CLIENT; another person's, or an erased client's, is a 404.")
    @GetMapping("/{id}")
    ClientView one(@PathVariable UUID id) {
        return view(access.readable(id));
    }

    /** Whether messages may carry promotional content; refused while the client's processing is restricted. */
    @Operation(summary = "Allow or stop promotional content", description = "Sets whether a client's messages may "
            + "carry promotional content (RECEPTION, CLINICIAN, or that CLIENT); allowing it is refused with 409 while "
            + "their processing is restricted.")
    @PutMapping("/{id}/promotional-content")
    ClientView promotionalContent(@PathVariable UUID id, @Valid @RequestBody PromotionalContent body) {
        Client client = access.readable(id);
        if (body.allowed() && isRestricted(client)) {
            throw new ProblemException(HttpStatus.CONFLICT, "Restricted",
                    "processing of this client's data is restricted: no promotional content");
        }
        client.allowPromotionalContent(body.allowed());
        return view(clients.save(client));
    }

    private boolean isRestricted(Client client) {
        return restrictions.isRestricted(client.id().toString(), client.emailIndex(), client.phoneIndex());
    }

    /** Reception's correction of a client's details ({@link StaffCorrections}): RECEPTION only (security). */
    @Operation(summary = "Correct a client's details", description = "RECEPTION only: corrects the details given, "
            + "all or nothing; an email address or phone number that identifies another client is a 409 and nothing "
            + "changes. A restricted person stays restricted under the new details; who corrected which fields is "
            + "kept on the profile.")
    @PostMapping("/{id}/corrections")
    ClientView correct(@PathVariable UUID id, @Valid @RequestBody Correction body) {
        return view(corrections.correct(id, new StaffCorrections.Correction(body.fullName(), body.email(),
                body.phone(), body.dateOfBirth())));
    }

    private ClientView view(Client client) {
        return new ClientView(client.id(), client.fullName(), client.email(), client.phone(), client.dateOfBirth(),
                client.promotionalContent(), isRestricted(client), client.marketingObjectedAt() != null,
                client.registeredAt());
    }
}
