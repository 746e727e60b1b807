package uk.alluris.consent.ledger;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
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
    record Decision(
            @Schema(description = "The person's email address (up to 320 characters); give it, subjectId, or both",
                    example = "jo.bloggs@example.org") @Size(max = 320) String email,
            @Schema(description = "The person's subject id on the platform (up to 64 characters); give it, email, or "
                    + "both", example = "a7c1e4b2-3f5d-4e8a-9b0c-1d2e3f4a5b6c")
            @Size(max = 64) String subjectId,
            @Schema(description = "What the decision is about: one of marketing.email, marketing.sms, marketing.phone, "
                    + "photos.marketing.identifiable, photos.marketing.anonymised, cookies.analytics, "
                    + "cookies.advertising", example = "marketing.email") @NotBlank String purpose,
            @Schema(description = "true to give consent, false to withdraw it", example = "true")
            @NotNull Boolean granted,
            @Schema(description = "The policy version the person was shown (up to 40 characters); the ledger records "
                    + "the version in force instead, and this one only while none is published", example = "2027-01")
            @Size(max = 40) String policyVersion,
            @Schema(description = "How the decision reached the clinic; PRIVACY_REQUEST is refused (only the service "
                    + "itself writes it)", example = "IN_CLINIC") @NotNull Channel channel,
            @Valid Evidence evidence) {
    }

    /** {@code heldUnderRestriction}: a grant captured while the person was restricted, kept as evidence only. */
    record EntryView(
            @Schema(description = "The ledger entry's id", example = "0b6f2d4e-8c1a-4f3b-9e7d-5a2c1b0f9e8d") UUID id,
            @Schema(description = "The person's subject id", example = "a7c1e4b2-3f5d-4e8a-9b0c-1d2e3f4a5b6c")
            String subjectId,
            @Schema(description = "The email address the decision was recorded under; absent when given by subject id "
                    + "only, captured elsewhere, or erased", example = "jo.bloggs@example.org") String email,
            @Schema(description = "What the decision is about (see Decision.purpose)", example = "marketing.email")
            String purpose,
            @Schema(description = "true for consent given, false for consent withdrawn", example = "true")
            boolean granted,
            @Schema(description = "The privacy policy version in force when the decision was recorded",
                    example = "2027-01") String policyVersion,
            @Schema(description = "How the decision reached the clinic; PRIVACY_REQUEST when the service recorded it "
                    + "acting on a privacy request (an objection)", example = "IN_CLINIC") Channel channel,
            Evidence evidence,
            @Schema(description = "SHA-256 (64 hex digits) over the evidence, email, purpose, decision, policy version "
                    + "and time as first recorded: the proof that stays after erasure",
                    example = "9f2c4e6a8b0d1f3e5a7c9e1b3d5f7a9c0e2b4d6f8a1c3e5b7d9f0a2c4e6b8d0f") String evidenceDigest,
            @Schema(description = "When the decision was recorded (ISO-8601 instant, UTC)",
                    example = "2026-12-03T10:30:00Z") Instant recordedAt,
            @Schema(description = "When the entry's personal data (email, evidence) was erased on an erasure request; "
                    + "absent while it is held", example = "2027-03-01T09:00:00Z") Instant erasedAt,
            @Schema(description = "true for a grant captured while the person's processing was restricted: kept as "
                    + "evidence only, never the decision in force", example = "false") boolean heldUnderRestriction) {

        static EntryView of(LedgerEntry e) {
            return new EntryView(e.id(), e.subjectId(), e.email(), e.purpose(), e.granted(), e.policyVersion(),
                    e.channel(), e.evidence(), e.evidenceDigest(), e.recordedAt(), e.erasedAt(),
                    e.heldUnderRestriction());
        }
    }

    record PersonView(
            @Schema(description = "The decision in force per purpose, keyed by purpose name (a grant held under "
                    + "restriction never counts)", example = "{\"marketing.email\": {\"granted\": true, \"since\": "
                    + "\"2026-12-03T10:30:00Z\", \"policyVersion\": \"2027-01\", \"channel\": \"WEB\"}}")
            Map<String, Ledger.PurposeState> current,
            @Schema(description = "Every decision recorded about the person, oldest first", example = "[{\"id\": "
                    + "\"0b6f2d4e-8c1a-4f3b-9e7d-5a2c1b0f9e8d\", "
                    + "\"subjectId\": \"a7c1e4b2-3f5d-4e8a-9b0c-1d2e3f4a5b6c\", "
                    + "\"purpose\": \"marketing.email\", \"granted\": true, \"policyVersion\": \"2027-01\", "
                    + "\"channel\": \"WEB\", \"recordedAt\": \"2026-12-03T10:30:00Z\", "
                    + "\"heldUnderRestriction\": false}]") List<EntryView> history,
            @Schema(description = "Whether the person's processing is restricted now: no new grant is accepted while "
                    + "it lasts", example = "false") boolean restricted) {
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
    @Operation(summary = "Record a consent decision", description = "Appends one decision (a grant or a withdrawal) "
            + "to the person's consent ledger, named by email, subjectId or both, under the policy version in force. "
            + "Staff (RECEPTION, CLINICIAN, PRIVACY_OFFICER, ADMIN) record for anyone; a CLIENT only for the email "
            + "their token is bound to. A grant for a person whose processing is restricted is refused (409); a "
            + "withdrawal is always accepted.")
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
    @Operation(summary = "Read a person's consents", description = "The decision in force per purpose, the whole "
            + "history and whether processing is restricted, for the person named by the email or subjectId query "
            + "parameter. Staff (RECEPTION, CLINICIAN, PRIVACY_OFFICER, ADMIN) read anyone's; a CLIENT only their own "
            + "(403 otherwise). After an erasure the entries stay as pseudonymous proof, their email and evidence "
            + "gone and erasedAt set; after an objection the marketing purposes show as withdrawn.")
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
    @Operation(summary = "Read one consent entry", description = "One ledger entry by its id. Staff (RECEPTION, "
            + "CLINICIAN, PRIVACY_OFFICER, ADMIN) read any; a CLIENT only their own, and anyone else's is a 404 as is an "
            + "id that is not a UUID. An erased entry is shown without its email and evidence.")
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
