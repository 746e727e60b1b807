package uk.alluris.consent.ledger;

import java.time.Instant;
import java.util.UUID;

/**
 * What the consent ledger puts in a person's export (access and portability), as the person receives it: never the
 * stored entries themselves, so no blind index or outbox message can slip into the file.
 */
final class ConsentExport {

    static final String ERASED = "The personal data of this decision (email address and evidence) was erased; the "
            + "pseudonymous proof that it was made is kept.";
    static final String HELD = "Recorded while processing of your data was restricted: kept as evidence of what you "
            + "said, never used.";

    private ConsentExport() {
    }

    /**
     * The {@code consent-history} category: every decision, oldest first. {@code evidenceDigest} (SHA-256) ties the
     * decision to its evidence, so a copy of that evidence can be checked against it later.
     */
    record Decision(UUID decisionId, String purpose, String decision, String channel, String policyVersion,
            String email, Evidence evidence, Instant recordedAt, String evidenceDigest, boolean usedForProcessing,
            Instant personalDataErasedAt, String note) {
    }

    /** The {@code consent-current-state} category: for each purpose, the decision in force. */
    record CurrentState(String purpose, boolean granted, Instant since, String policyVersion, String channel) {
    }
}
