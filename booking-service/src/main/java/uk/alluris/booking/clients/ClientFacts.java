package uk.alluris.booking.clients;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import uk.alluris.kit.problem.ProblemException;
import uk.alluris.kit.privacy.Restrictions;
import uk.alluris.kit.security.CurrentCaller;

/**
 * What booking and the diary may know of a client without reaching the profiles: name, date of birth (the law on who
 * may be treated) and whether their processing is restricted or they objected to marketing.
 */
@Component
public class ClientFacts {

    /** One client as booking sees them. {@code dateOfBirth} may be null: then age-restricted treatments are refused. */
    public record Facts(UUID id, String fullName, LocalDate dateOfBirth, boolean restricted, boolean objected) {
    }

    private final Clients clients;
    private final ClientAccess access;
    private final Restrictions restrictions;

    ClientFacts(Clients clients, ClientAccess access, Restrictions restrictions) {
        this.clients = clients;
        this.access = access;
        this.restrictions = restrictions;
    }

    /** The client, if the caller may see them (a 404 problem otherwise, as {@link ClientAccess}). */
    public Facts readable(UUID id) {
        return facts(access.readable(id));
    }

    /**
     * The calling client's own profile: a client books for themselves without knowing their id. A 422 problem when
     * they have not registered yet.
     */
    public Facts callersOwn() {
        String emailIndex = CurrentCaller.get().filter(CurrentCaller::isClient).flatMap(CurrentCaller::emailIndex)
                .orElseThrow(() -> new ProblemException(HttpStatus.BAD_REQUEST, "Invalid input",
                        "clientId is required when staff book"));
        return clients.findByEmailIndex(emailIndex).stream().findFirst().map(this::facts)
                .orElseThrow(() -> new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "Not registered",
                        "register your details (POST /api/bookings/clients) before booking"));
    }

    /** The clients among {@code ids} that still exist, by id (for staff views such as the diary). */
    public Map<UUID, Facts> of(Collection<UUID> ids) {
        return clients.findAllById(ids).stream().map(this::facts)
                .collect(Collectors.toMap(Facts::id, Function.identity()));
    }

    private Facts facts(Client client) {
        return new Facts(client.id(), client.fullName(), client.dateOfBirth(),
                restrictions.isRestricted(client.id().toString(), client.emailIndex(), client.phoneIndex()),
                client.marketingObjectedAt() != null);
    }
}
