package uk.alluris.records.subjects;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.alluris.events.SubjectKeyDestroyed;
import uk.alluris.kit.outbox.OutboxMessage;
import uk.alluris.kit.outbox.OutboxOwner;

/**
 * A person whose clinical records this service holds: how to find them (subject id, blind indexes), what their
 * retention depends on (date of birth, last entry), and whether an erasure is waiting for the retention date.
 */
@Document("subjects")
public class ClinicalSubject implements OutboxOwner {

    @Id
    String id;
    @Indexed
    String emailIndex;
    @Indexed
    String phoneIndex;
    LocalDate dateOfBirth;
    LocalDate lastEntryOn;
    /** Set when erasure was asked while the records must still be kept: they stay, restricted, until this date. */
    LocalDate erasureDueOn;
    Instant keyDestroyedAt;
    List<OutboxMessage> outbox = new ArrayList<>();

    static ClinicalSubject meet(String id, String emailIndex, String phoneIndex) {
        ClinicalSubject subject = new ClinicalSubject();
        subject.id = id == null ? UUID.randomUUID().toString() : id;
        subject.emailIndex = emailIndex;
        subject.phoneIndex = phoneIndex;
        return subject;
    }

    /** Fills in what was not known yet; never overwrites a known identifier with another. */
    void learn(String emailIndex, String phoneIndex, LocalDate dateOfBirth) {
        if (this.emailIndex == null) {
            this.emailIndex = emailIndex;
        }
        if (this.phoneIndex == null) {
            this.phoneIndex = phoneIndex;
        }
        if (dateOfBirth != null) {
            this.dateOfBirth = dateOfBirth;
        }
    }

    /**
     * Applies a rectification of the identity fields this service holds: each non-null value replaces the one held
     * (email and phone as their blind indexes). Returns whether anything changed.
     */
    boolean correctIdentity(String emailIndex, String phoneIndex, LocalDate dateOfBirth) {
        boolean changed = false;
        if (emailIndex != null && !emailIndex.equals(this.emailIndex)) {
            this.emailIndex = emailIndex;
            changed = true;
        }
        if (phoneIndex != null && !phoneIndex.equals(this.phoneIndex)) {
            this.phoneIndex = phoneIndex;
            changed = true;
        }
        if (dateOfBirth != null && !dateOfBirth.equals(this.dateOfBirth)) {
            this.dateOfBirth = dateOfBirth;
            changed = true;
        }
        return changed;
    }

    void entryOn(LocalDate day) {
        if (lastEntryOn == null || day.isAfter(lastEntryOn)) {
            lastEntryOn = day;
        }
    }

    void holdForRetention(LocalDate until) {
        erasureDueOn = until;
    }

    /** The key is gone: nothing of this person's clinical data can be read again, anywhere. */
    void keyDestroyed(Instant now, String reason) {
        keyDestroyedAt = now;
        erasureDueOn = null;
        emailIndex = null;
        phoneIndex = null;
        dateOfBirth = null;
        outbox.add(OutboxMessage.of(new SubjectKeyDestroyed(UUID.randomUUID(), id, reason, now)));
    }

    public boolean heldForRetention() {
        return erasureDueOn != null;
    }

    public boolean erased() {
        return keyDestroyedAt != null;
    }

    public String id() {
        return id;
    }

    public String emailIndex() {
        return emailIndex;
    }

    public String phoneIndex() {
        return phoneIndex;
    }

    public LocalDate dateOfBirth() {
        return dateOfBirth;
    }

    public LocalDate lastEntryOn() {
        return lastEntryOn;
    }

    public Instant keyDestroyedAt() {
        return keyDestroyedAt;
    }

    public LocalDate erasureDueOn() {
        return erasureDueOn;
    }

    @Override
    public List<OutboxMessage> outbox() {
        return outbox;
    }
}
