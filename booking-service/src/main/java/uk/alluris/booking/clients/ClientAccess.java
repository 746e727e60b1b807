package uk.alluris.booking.clients;

import java.util.UUID;
import org.springframework.stereotype.Component;
import uk.alluris.kit.problem.ProblemException;
import uk.alluris.kit.security.CurrentCaller;

/**
 * Staff see every client; a client sees only their own profile, and anyone else's looks like nothing at all. The one
 * way other features (appointments, payments) check a caller may see a client, without reaching the profiles.
 */
@Component
public class ClientAccess {

    private final Clients clients;

    ClientAccess(Clients clients) {
        this.clients = clients;
    }

    /** A 404 problem unless the caller may read client {@code id}. */
    public void requireReadable(UUID id) {
        readable(id);
    }

    Client readable(UUID id) {
        Client client = clients.findById(id).orElseThrow(() -> ProblemException.notFound("client " + id));
        boolean otherClient = CurrentCaller.get().filter(CurrentCaller::isClient)
                .map(caller -> !caller.is(client.emailIndex())).orElse(false);
        if (otherClient) {
            throw ProblemException.notFound("client " + id);
        }
        return client;
    }
}
