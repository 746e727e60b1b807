package uk.alluris.consent.policy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import uk.alluris.kit.problem.ProblemException;

/**
 * Publishing a policy version and telling which one is in force. A version takes effect today or later and after
 * every version already published, so publishing never rewrites what was in force when someone decided.
 */
@Service
public class PublishingPolicyVersions {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final PolicyVersions versions;
    private final Clock clock;

    PublishingPolicyVersions(PolicyVersions versions, Clock clock) {
        this.versions = versions;
        this.clock = clock;
    }

    PolicyVersion publish(PolicyBodies.Published body, String staff) {
        LocalDate today = LocalDate.now(clock.withZone(LONDON));
        if (body.effectiveFrom().isBefore(today)) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid input",
                    "effectiveFrom must be today or later: a new version never changes what was in force before");
        }
        List<PolicyVersion> published = versions.findAllByOrderByEffectiveFromDesc();
        if (!published.isEmpty() && !body.effectiveFrom().isAfter(published.get(0).effectiveFrom)) {
            throw new ProblemException(HttpStatus.CONFLICT, "A later version exists",
                    "effectiveFrom must be after " + published.get(0).effectiveFrom + ", when version "
                            + published.get(0).version + " takes effect");
        }
        try {
            return versions.insert(PolicyVersion.published(body.version(), body.text().strip(), body.summary().strip(),
                    body.effectiveFrom(), body.material(), staff, clock.instant()));
        } catch (DuplicateKeyException taken) {
            throw new ProblemException(HttpStatus.CONFLICT, "Version exists",
                    "version " + body.version() + " is already published; give the new one another name");
        }
    }

    /** The name of the version in force now, which every consent decision records. */
    public Optional<String> versionInForce() {
        return PolicyVersions.inForceOn(versions.findAllByOrderByEffectiveFromDesc(), LocalDate.now(clock.withZone(LONDON)))
                .map(version -> version.version);
    }
}
