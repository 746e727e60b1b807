package uk.alluris.consent.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
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
 */
@Document("ledger")
public class LedgerEntry implements OutboxOwner {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Id
    UUID id;
    @Indexed
    String subjectId;
    @Indexed
    String emailIndex;
    String email;
    String purpose;
    boolean granted;
    String policyVersion;
    Channel channel;
    Evidence evidence;
    String evidenceDigest;
    Instant recordedAt;
    Instant erasedAt;
    List<OutboxMessage> outbox = new ArrayList<>();

    static LedgerEntry record(String subjectId, String emailIndex, String email, String purpose, boolean granted,
            String policyVersion, Channel channel, Evidence evidence, Instant now) {
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
        entry.evidenceDigest = digest(entry);
        entry.outbox.add(OutboxMessage.of(granted
                ? new ConsentGranted(UUID.randomUUID(), subjectId, emailIndex, purpose, channel.name(), policyVersion, now)
                : new ConsentWithdrawn(UUID.randomUUID(), subjectId, emailIndex, purpose, channel.name(), policyVersion, now)));
        return entry;
    }

    /** Removes the personal data, keeps the proof; returns whether there was anything to remove. */
    public boolean erasePersonalData(Instant now) {
        if (erasedAt != null) {
            return false;
        }
        email = null;
        evidence = null;
        erasedAt = now;
        return true;
    }

    private static String digest(LedgerEntry entry) {
        try {
            String canonical = String.join("|", entry.id.toString(), entry.subjectId, String.valueOf(entry.email),
                    entry.purpose, String.valueOf(entry.granted), entry.policyVersion, entry.channel.name(),
                    entry.recordedAt.toString(), JSON.writeValueAsString(entry.evidence));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public UUID id() {
        return id;
    }

    public String subjectId() {
        return subjectId;
    }

    public String emailIndex() {
        return emailIndex;
    }

    public String email() {
        return email;
    }

    public String purpose() {
        return purpose;
    }

    public boolean granted() {
        return granted;
    }

    public String policyVersion() {
        return policyVersion;
    }

    public Channel channel() {
        return channel;
    }

    public Evidence evidence() {
        return evidence;
    }

    public String evidenceDigest() {
        return evidenceDigest;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public Instant erasedAt() {
        return erasedAt;
    }

    @Override
    public List<OutboxMessage> outbox() {
        return outbox;
    }
}
