package uk.alluris.booking.clients;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * How other features (messages) reach a client: the contact details held now, read at the moment of sending so a
 * rectified address is used and an erased person is written to by nobody.
 */
@Component
public class ClientContacts {

    /** Where a client can be written to; {@code phone} is E.164 or null. */
    public record Contact(String fullName, String email, String phone) {
    }

    private final Clients clients;

    ClientContacts(Clients clients) {
        this.clients = clients;
    }

    /** Empty once the profile is erased (or never existed). */
    public Optional<Contact> of(UUID clientId) {
        return clients.findById(clientId).map(client -> new Contact(client.fullName(), client.email(), client.phone()));
    }
}
