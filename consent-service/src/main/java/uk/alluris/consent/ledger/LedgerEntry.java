package uk.alluris.consent.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import tools.jackson.databind.json.JsonMapper;
import uk.alluris.events.ConsentGranted;
import uk.alluris.events.ConsentWithdrawn;
import uk.alluris.kit.outbox.OutboxMessage;
import uk.alluris.kit.outbox.OutboxOwner;

/**
 * One decision in the consent ledger, never changed afterwards — except that erasure removes its personal data
 * (the email and the evidence) and keeps the pseudonymous proof: who by blind index, what, when, under which policy,
 * through which channel, and a digest that still matches the evidence as it was.
 * <p>
 * A grant captured elsewhere (marketing's {@code ConsentCaptured}) while the person's processing was restricted is
 * kept as evidence of what they said, {@link #heldUnderRestriction() held under restriction}: it is not announced,
 * and it never becomes the current state of its purpose.
 */
@Document("ledger")
class LedgerEntry implements OutboxOwner {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Id
    UUID id;
    @Indexed
    String subjectId;
    @Indexed
    String emailIndex;
    /** Set only on grants captured by marketing from a phone-only lead: the blind index of that number. */
    @Indexed
    String phoneIndex;
    String email;
    String purpose;
    boolean granted;
    String policyVersion;
    Channel channel;
    Evidence evidence;
    String evidenceDigest;
    Instant recordedAt;
    Instant erasedAt;
    boolean heldUnderRestriction;
    List<OutboxMessage> outbox = new ArrayList<>();

    /** A new entry; its time is kept to the millisecond, as MongoDB stores it, so the digest can be recomputed. */
    static LedgerEntry record(String subjectId, String emailIndex, String email, String purpose, boolean granted,
            String policyVersion, Channel channel, Evidence evidence, Instant recordedAt) {
        Instant now = recordedAt.truncatedTo(ChronoUnit.MILLIS);
        LedgerEntry entry = new LedgerEntry();
        entry.id = UUID.randomUUID();
        entry.subjectId = subjectId;
        entry.emailIndex = emailIndex;
        entry.email = email;
        entry.purpose = purpose;
        entry.granted = granted;
        entry.policyVersion = policyVersion;
        entry.channel = channel;
        entry.evidence = evidence;
        entry.recordedAt = now;
        entry.evidenceDigest = digestOf(evidence, email, purpose, granted, policyVersion, now);
        entry.outbox.add(OutboxMessage.of(granted
                ? new ConsentGranted(UUID.randomUUID(), subjectId, emailIndex, purpose, channel.name(), policyVersion, now)
                : new ConsentWithdrawn(UUID.randomUUID(), subjectId, emailIndex, purpose, channel.name(), policyVersion, now)));
        return entry;
    }

    /**
     * A decision captured elsewhere (a grant marketing captured, a cookie choice a visitor made before signing in),
     * under an id derived from the capture so that recording it again finds it already
     * there. No email: the person is named by subject id and blind indexes only. While the person is restricted the
     * grant is kept as evidence but {@link #heldUnderRestriction() held}: no {@code ConsentGranted} is announced.
     */
    static LedgerEntry captured(UUID id, String subjectId, String emailIndex, String phoneIndex, String purpose,
            boolean granted, String policyVersion, Channel channel, Evidence evidence, Instant recordedAt,
            boolean restricted) {
        LedgerEntry entry = record(subjectId, emailIndex, null, purpose, granted, policyVersion, channel, evidence,
                recordedAt);
        entry.id = id;
        entry.phoneIndex = phoneIndex;
        entry.heldUnderRestriction = restricted && granted;
        if (entry.heldUnderRestriction) {
            entry.outbox.clear();
        }
        return entry;
    }

    /**
     * The digest that ties a decision to its evidence, so the proof kept after erasure can still be checked against a
     * copy of the evidence someone produces later: SHA-256 (hex) over these lines joined by {@code \n} — the canonical
     * evidence JSON (fields sorted by name, absent ones left out; {@code null} when there was no evidence), the
     * normalised email (or {@code null}), purpose, granted, policy version, and recordedAt (ISO-8601, milliseconds,
     * as stored).
     */
    static String digestOf(Evidence evidence, String email, String purpose, boolean granted,
            String policyVersion, Instant recordedAt) {
        String canonical = String.join("\n", canonicalJson(evidence), String.valueOf(email), purpose,
                String.valueOf(granted), policyVersion, recordedAt.toString());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private static String canonicalJson(Evidence evidence) {
        if (evidence == null) {
            return "null";
        }
        Map<String, String> fields = new TreeMap<>();
        putIfPresent(fields, "consentText", evidence.consentText());
        putIfPresent(fields, "formId", evidence.formId());
        putIfPresent(fields, "ipAddress", evidence.ipAddress());
        putIfPresent(fields, "note", evidence.note());
        putIfPresent(fields, "source", evidence.source());
        putIfPresent(fields, "userAgent", evidence.userAgent());
        return JSON.writeValueAsString(fields);
    }

    private static void putIfPresent(Map<String, String> fields, String name, String value) {
        if (value != null) {
            fields.put(name, value);
        }
    }

    UUID id() {
        return id;
    }

    String subjectId() {
        return subjectId;
    }

    String emailIndex() {
        return emailIndex;
    }

    String phoneIndex() {
        return phoneIndex;
    }

    String email() {
        return email;
    }

    String purpose() {
        return purpose;
    }

    boolean granted() {
        return granted;
    }

    String policyVersion() {
        return policyVersion;
    }

    Channel channel() {
        return channel;
    }

    Evidence evidence() {
        return evidence;
    }

    String evidenceDigest() {
        return evidenceDigest;
    }

    Instant recordedAt() {
        return recordedAt;
    }

    Instant erasedAt() {
        return erasedAt;
    }

    /** A grant recorded while the person's processing was restricted: evidence only, never used for processing. */
    boolean heldUnderRestriction() {
        return heldUnderRestriction;
    }

    @Override
    public List<OutboxMessage> outbox() {
        return outbox;
    }
}
