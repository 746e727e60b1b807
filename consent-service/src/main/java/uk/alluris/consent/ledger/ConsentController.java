package uk.alluris.consent.ledger;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.alluris.consent.policy.PublishingPolicyVersions;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.kit.identity.Normalisation;
import uk.alluris.kit.problem.ProblemException;
import uk.alluris.kit.security.CurrentCaller;

/** The consent ledger: staff record decisions for anyone; a client records and reads only their own. */
@RestController
@RequestMapping("/api/consents")
class ConsentController {

    /**
     * One decision as asked; the email is checked by the platform's one rule (Normalisation), not a second one here.
     * {@code policyVersion} is what the caller showed; the ledger records the published version in force instead, and
     * the caller's only while no version is published.
     */
    record Decision(@Size(max = 320) String email, @Size(max = 64) String subjectId, @NotBlank String purpose,
            @NotNull Boolean granted, @Size(max = 40) String policyVersion, @NotNull Channel channel,
            @Valid Evidence evidence) {
    }

    /** {@code heldUnderRestriction}: a grant captured while the person was restricted, kept as evidence only. */
    record EntryView(UUID id, String subjectId, String email, String purpose, boolean granted, String policyVersion,
            Channel channel, Evidence evidence, String evidenceDigest, Instant recordedAt, Instant erasedAt,
            boolean heldUnderRestriction) {

        static EntryView of(LedgerEntry e) {
            return new EntryView(e.id(), e.subjectId(), e.email(), e.purpose(), e.granted(), e.policyVersion(),
                    e.channel(), e.evidence(), e.evidenceDigest(), e.recordedAt(), e.erasedAt(),
                    e.heldUnderRestriction());
        }
    }

    record PersonView(Map<String, Ledger.PurposeState> current, List<EntryView> history, boolean restricted) {
    }

    private final Ledger ledger;
    private final LedgerEntries entries;
    private final BlindIndexer indexer;
    private final PublishingPolicyVersions policies;

    ConsentController(Ledger ledger, LedgerEntries entries, BlindIndexer indexer, PublishingPolicyVersions policies) {
        this.policies = policies;
        this.ledger = ledger;
        this.entries = entries;
        this.indexer = indexer;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    EntryView record(@Valid @RequestBody Decision body) {
        if (blank(body.email()) && blank(body.subjectId())) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Whose consent?", "give email or subjectId");
        }
        if (!Purposes.ALL.contains(body.purpose())) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Unknown purpose",
                    "purpose must be one of " + Purposes.ALL.stream().sorted().toList());
        }
        if (body.channel() == Channel.PRIVACY_REQUEST) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid input",
                    "channel PRIVACY_REQUEST is written only by the service itself when it acts on a privacy request");
        }
        String email = blank(body.email()) ? null : Normalisation.email(body.email());
        String emailIndex = email == null ? null : indexer.email(email);
        String subjectId = blank(body.subjectId()) ? null : body.subjectId().strip();
        onlyTheirOwn(emailIndex);
        subjectIdOnlyTheirOwn(subjectId, emailIndex);
        String policyVersion = policies.versionInForce().orElseGet(() -> blank(body.policyVersion()) ? null
                : body.policyVersion().strip());
        if (policyVersion == null) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid input",
                    "policyVersion must name the policy shown: no version is published yet");
        }
        return EntryView.of(ledger.record(subjectId, emailIndex, email, body.purpose(), body.granted(),
                policyVersion, body.channel(), body.evidence()));
    }

    @GetMapping
    PersonView person(@RequestParam(required = false) String email, @RequestParam(required = false) String subjectId) {
        if (blank(email) && blank(subjectId)) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Whose consent?", "give email or subjectId");
        }
        String emailIndex = blank(email) ? null : indexer.email(email);
        List<LedgerEntry> history = ledger.history(blank(subjectId) ? null : subjectId, emailIndex);
        if (CurrentCaller.get().map(CurrentCaller::isClient).orElse(false)) {
            onlyTheirOwn(emailIndex);
            if (history.stream().anyMatch(entry -> !Objects.equals(entry.emailIndex(), emailIndex))) {
                throw new ProblemException(HttpStatus.FORBIDDEN, "Forbidden", "a client may read only their own consents");
            }
        }
        return new PersonView(Ledger.current(history), history.stream().map(EntryView::of).toList(),
                ledger.isRestricted(blank(subjectId) ? null : subjectId, emailIndex));
    }

    /** One entry; an id that is not a UUID names no entry (404), and a client sees only their own. */
    @GetMapping("/{id}")
    EntryView one(@PathVariable String id) {
        LedgerEntry entry = parse(id).flatMap(entries::findById)
                .filter(found -> CurrentCaller.get().filter(CurrentCaller::isClient)
                        .map(caller -> caller.is(found.emailIndex())).orElse(true))
                .orElseThrow(() -> ProblemException.notFound("consent entry"));
        return EntryView.of(entry);
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }

    /** A client acts only for the person their token is bound to. */
    private static void onlyTheirOwn(String emailIndex) {
        CurrentCaller.get().filter(CurrentCaller::isClient).filter(caller -> !caller.is(emailIndex)).ifPresent(caller -> {
            throw new ProblemException(HttpStatus.FORBIDDEN, "Forbidden", "a client may act only on their own consents");
        });
    }

    /** A client may not file their decision under a subject id the ledger knows as someone else's. */
    private void subjectIdOnlyTheirOwn(String subjectId, String emailIndex) {
        if (subjectId == null || CurrentCaller.get().filter(CurrentCaller::isClient).isEmpty()) {
            return;
        }
        if (ledger.history(subjectId, null).stream().anyMatch(entry -> !Objects.equals(entry.emailIndex(), emailIndex))) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "Forbidden", "a client may act only on their own consents");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
