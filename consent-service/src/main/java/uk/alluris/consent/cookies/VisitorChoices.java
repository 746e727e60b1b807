package uk.alluris.consent.cookies;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import uk.alluris.consent.ledger.Channel;
import uk.alluris.consent.ledger.Evidence;
import uk.alluris.consent.ledger.Ledger;
import uk.alluris.kit.problem.ProblemException;

/**
 * Recording a visitor's cookie choices, and joining them to a person's ledger when the visitor signs in. A claimed
 * visitor's later choices join the ledger as they are made. Each choice becomes one ledger entry per purpose
 * ({@code cookies.analytics}, {@code cookies.advertising}) under an id derived from the choice, so claiming again, or
 * a retry, adds nothing twice; a grant made while the person's processing is restricted is kept as evidence only.
 */
@Service
class VisitorChoices {

    static final String SOURCE = "cookie-banner";
    static final String GPC_NOTE = "Global Privacy Control: advertising off without asking";

    private final VisitorDecisions decisions;
    private final Ledger ledger;
    private final Clock clock;

    VisitorChoices(VisitorDecisions decisions, Ledger ledger, Clock clock) {
        this.decisions = decisions;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Records one choice; under Global Privacy Control advertising is off whatever was sent. */
    VisitorDecision record(VisitorId visitor, CookieCategories asked, boolean gpc, String bannerVersion,
            String policyVersion, String ipAddress, String userAgent) {
        CookieCategories categories = gpc ? asked.underGlobalPrivacyControl() : asked;
        VisitorDecision decision = VisitorDecision.of(visitor, categories, gpc, bannerVersion, policyVersion, ipAddress,
                userAgent, clock.instant());
        decisions.findByVisitorKeyOrderByRecordedAtAsc(visitor.key()).stream().filter(VisitorDecision::claimed)
                .reduce((earlier, later) -> later)
                .ifPresent(owner -> decision.claimBy(owner.claimedSubjectId, owner.claimedEmailIndex, clock.instant()));
        VisitorDecision saved = decisions.save(decision);
        if (saved.claimed()) {
            joinLedger(saved);
        }
        return saved;
    }

    /**
     * Joins every choice made under the visitor id to the signed-in person's ledger. A visitor id already claimed by
     * someone else stays theirs (409, naming nobody); claiming one's own again changes nothing. Returns how many
     * choices the person now holds from this visitor id.
     */
    int claim(VisitorId visitor, String emailIndex) {
        List<VisitorDecision> found = decisions.findByVisitorKeyOrderByRecordedAtAsc(visitor.key());
        if (found.stream().anyMatch(d -> d.claimed() && !Objects.equals(d.claimedEmailIndex, emailIndex))) {
            throw new ProblemException(HttpStatus.CONFLICT, "Already claimed",
                    "these cookie choices already belong to another person's account");
        }
        for (VisitorDecision decision : found) {
            if (!decision.claimed()) {
                decision.claimBy(null, emailIndex, clock.instant());
            }
            joinLedger(decision);
            decision.claimedSubjectId = ledger.subjectIdOf(emailIndex).orElse(null);
            decisions.save(decision);
        }
        return found.size();
    }

    private void joinLedger(VisitorDecision decision) {
        Evidence evidence = new Evidence(SOURCE, "banner " + decision.bannerVersion, null, decision.ipAddress,
                decision.userAgent, decision.globalPrivacyControl ? GPC_NOTE : null);
        for (Map.Entry<String, Boolean> purpose : decision.categories().byPurpose().entrySet()) {
            ledger.recordCaptured(entryId(decision.id, purpose.getKey()), decision.claimedSubjectId,
                    decision.claimedEmailIndex, null, purpose.getKey(), purpose.getValue(), decision.policyVersion,
                    Channel.WEB, evidence);
        }
    }

    private static UUID entryId(UUID decisionId, String purpose) {
        return UUID.nameUUIDFromBytes(("visitor-decision:" + decisionId + ":" + purpose)
                .getBytes(StandardCharsets.UTF_8));
    }
}
