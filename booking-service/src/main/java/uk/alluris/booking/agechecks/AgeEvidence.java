package uk.alluris.booking.agechecks;

import java.util.UUID;
import org.springframework.stereotype.Component;

/** What appointments may ask of the age checks: whether a client's age was checked at all. */
@Component
public class AgeEvidence {

    private final AgeChecks checks;

    AgeEvidence(AgeChecks checks) {
        this.checks = checks;
    }

    public boolean isOnRecord(UUID clientId) {
        return checks.existsByClientId(clientId);
    }
}
