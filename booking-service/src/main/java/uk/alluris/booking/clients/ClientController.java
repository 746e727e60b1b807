package uk.alluris.booking.clients;

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

    record NewClient(@NotBlank @Size(max = 200) String fullName, @NotBlank @Email @Size(max = 320) String email,
            @Size(max = 40) String phone, @NotNull @Past LocalDate dateOfBirth, Boolean promotionalContent) {
    }

    record Correction(@Size(max = 200) String fullName, @Email @Size(max = 320) String email,
            @Size(max = 40) String phone, LocalDate dateOfBirth) {
    }

    record PromotionalContent(@NotNull Boolean allowed) {
    }

    record ClientView(UUID id, String fullName, String email, String phone, LocalDate dateOfBirth,
            boolean promotionalContent, boolean restricted, boolean objected, Instant registeredAt) {
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
    @GetMapping("/me")
    ClientView mine() {
        String emailIndex = CurrentCaller.get().filter(CurrentCaller::isClient).flatMap(CurrentCaller::emailIndex)
                .orElseThrow(() -> new ProblemException(HttpStatus.FORBIDDEN, "Forbidden",
                        "only a signed-in client has a profile of their own"));
        return clients.findByEmailIndex(emailIndex).stream().findFirst().map(this::view)
                .orElseThrow(() -> ProblemException.notFound("a client profile for this sign-in"));
    }

    @GetMapping("/{id}")
    ClientView one(@PathVariable UUID id) {
        return view(access.readable(id));
    }

    /** Whether messages may carry promotional content; refused while the client's processing is restricted. */
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
