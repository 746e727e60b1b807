package uk.alluris.booking.clients;

import java.util.UUID;
import uk.alluris.kit.problem.ProblemException;
import uk.alluris.kit.security.CurrentCaller;

/** Staff see every client; a client sees only their own profile, and anyone else's looks like nothing at all. */
public final class ClientAccess {

    private ClientAccess() {
    }

    public static Client readable(Clients clients, UUID id) {
        Client client = clients.findById(id).orElseThrow(() -> ProblemException.notFound("client " + id));
        boolean otherClient = CurrentCaller.get().filter(CurrentCaller::isClient)
                .map(caller -> !caller.is(client.emailIndex())).orElse(false);
        if (otherClient) {
            throw ProblemException.notFound("client " + id);
        }
        return client;
    }
}
