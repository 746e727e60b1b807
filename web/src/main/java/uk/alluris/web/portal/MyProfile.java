package uk.alluris.web.portal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import uk.alluris.web.services.Service;
import uk.alluris.web.services.ServiceCalls;
import uk.alluris.web.services.ServiceRefused;

/**
 * The signed-in client as booking knows them ({@code GET /api/bookings/clients/me}, found by the email their token is
 * bound to). The portal keeps nothing of its own: the email it files requests and consents under is read from here
 * on each page, so a correction made through a rectification shows at once.
 */
@Component
class MyProfile {

    /** Booking's profile of the person. */
    record Profile(UUID id, String fullName, String email, String phone, LocalDate dateOfBirth,
            boolean promotionalContent, boolean restricted, Instant registeredAt) {
    }

    /** The person has signed in with a code but is not a registered client yet. */
    static final class NotRegistered extends RuntimeException {

        NotRegistered() {
            super("not registered with the clinic yet");
        }
    }

    private final ServiceCalls calls;

    MyProfile(ServiceCalls calls) {
        this.calls = calls;
    }

    Optional<Profile> find() {
        try {
            return Optional.of(calls.get(Service.BOOKING, "/api/bookings/clients/me", Profile.class));
        } catch (ServiceRefused refused) {
            if (refused.notFound()) {
                return Optional.empty();
            }
            throw refused;
        }
    }

    /** The profile, or the details page's registration form for someone not registered yet. */
    Profile require() {
        return find().orElseThrow(NotRegistered::new);
    }
}
