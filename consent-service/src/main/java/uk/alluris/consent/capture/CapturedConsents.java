package uk.alluris.consent.capture;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import uk.alluris.consent.ledger.Channel;
import uk.alluris.consent.ledger.Evidence;
import uk.alluris.consent.ledger.Ledger;
import uk.alluris.consent.ledger.Purposes;
import uk.alluris.events.ConsentCaptured;

/**
 * Consent marketing captured — a confirmed double opt-in, or a lead form that asked — arriving on
 * {@code marketing.events} as {@code uk.alluris.marketing.ConsentCaptured.v1}: one grant per purpose goes into the
 * ledger with the capture's evidence, and with no plaintext (no email; the person is named by subject id and blind
 * indexes, the IP address arrives anonymised and is anonymised again). It is handed only captures by the kit's typed
 * consumer ({@link MarketingEventsConfiguration}), which passes over the topic's other types.
 * <p>
 * Idempotent twice over: the same message delivered again is skipped by its CloudEvents id (the typed consumer's inbox),
 * and each grant's id is derived from the capture's event id and purpose, so a replay after a crash, or the same
 * capture published again under a new message id, records nothing new. The event is checked whole before anything is
 * written; one that cannot be read or is not valid (an unknown purpose or channel, no identifier, evidence over the
 * ledger's limits) throws, is retried, and is parked in this group's dead-letter topic
 * ({@code error.marketing.events.consent-service}), where staff see it.
 * <p>
 * A grant for a person whose processing is restricted is still recorded, as evidence, but held: see
 * {@link Ledger#recordCaptured}.
 */
@Service
class CapturedConsents {

    private static final Logger log = LoggerFactory.getLogger(CapturedConsents.class);

    private final Ledger ledger;
    private final Validator validator;

    CapturedConsents(Ledger ledger, Validator validator) {
        this.ledger = ledger;
        this.validator = validator;
    }

    void record(ConsentCaptured captured) {
        Channel channel = channel(captured.channel());
        List<String> purposes = purposes(captured.purposes());
        if (captured.eventId() == null || captured.occurredAt() == null) {
            throw new IllegalArgumentException("a captured consent needs its eventId and occurredAt");
        }
        if (blank(captured.subjectId()) && blank(captured.emailIndex()) && blank(captured.phoneIndex())) {
            throw new IllegalArgumentException("a captured consent must name the person (subjectId or a blind index)");
        }
        if (blank(captured.policyVersion()) || captured.policyVersion().strip().length() > 40) {
            throw new IllegalArgumentException("a captured consent needs a policyVersion of at most 40 characters");
        }
        Evidence evidence = new Evidence(captured.source(), captured.formId(), captured.consentText(),
                captured.ipAddress(), captured.userAgent(),
                "captured by marketing-service at " + captured.occurredAt() + " (event " + captured.eventId() + ")");
        Set<ConstraintViolation<Evidence>> violations = validator.validate(evidence);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("the captured evidence is not valid: " + violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().collect(Collectors.joining(", ")));
        }
        int recorded = 0;
        for (String purpose : purposes) {
            if (ledger.recordCaptured(entryId(captured.eventId(), purpose), nullIfBlank(captured.subjectId()),
                    nullIfBlank(captured.emailIndex()), nullIfBlank(captured.phoneIndex()), purpose,
                    true, captured.policyVersion().strip(), channel, evidence)) {
                recorded++;
            }
        }
        log.info("captured consent {}: {} of {} grant(s) recorded", captured.eventId(), recorded, purposes.size());
    }

    /** The ledger id of one purpose's grant from one capture: the same capture always yields the same ids. */
    static UUID entryId(UUID eventId, String purpose) {
        return UUID.nameUUIDFromBytes(("ConsentCaptured:" + eventId + ":" + purpose).getBytes(StandardCharsets.UTF_8));
    }

    private static Channel channel(String name) {
        Channel channel;
        try {
            channel = Channel.valueOf(name == null ? "" : name.strip());
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("unknown consent channel " + name, unknown);
        }
        if (channel == Channel.PRIVACY_REQUEST) {
            throw new IllegalArgumentException("channel PRIVACY_REQUEST is the consent service's own");
        }
        return channel;
    }

    private static List<String> purposes(List<String> purposes) {
        if (purposes == null || purposes.isEmpty()) {
            throw new IllegalArgumentException("a captured consent names at least one purpose");
        }
        List<String> unknown = purposes.stream().filter(purpose -> !Purposes.ALL.contains(purpose)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown purpose(s) " + unknown);
        }
        return purposes.stream().distinct().toList();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String nullIfBlank(String value) {
        return blank(value) ? null : value.strip();
    }
}
