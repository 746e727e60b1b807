package uk.alluris.rights.complaints;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.events.Outcome;
import uk.alluris.kit.register.ProcessingRegister;
import uk.alluris.rights.contact.ContactSeal;
import uk.alluris.rights.request.OfficeHold;
import uk.alluris.rights.request.OfficeRecordsPrivacy;
import uk.alluris.rights.request.RequestType;

/**
 * What a privacy request does to a person's complaints. An erasure keeps them for the limitation period (the register's
 * {@code complaints} retention: the clinic may need them to answer a claim or the ICO) but holds them back; a
 * restriction holds them back until lifted; an access request exports each complaint with its answer.
 */
@Component
public class ComplaintPrivacy {

    public static final String CATEGORY = "complaints";

    private final Complaints complaints;
    private final ContactSeal seal;
    private final ProcessingRegister.Retention retention;

    ComplaintPrivacy(Complaints complaints, ContactSeal seal, ProcessingRegister register) {
        this.complaints = complaints;
        this.seal = seal;
        this.retention = register.category(CATEGORY).orElseThrow(() -> new IllegalStateException(
                "the register of processing has no category " + CATEGORY)).retention();
    }

    /** A complaint as the person reads it in their bundle. */
    public record Exported(Instant madeAt, String channel, String complaint, String status, LocalDate dueDate,
            String answer, Instant answeredAt) {
    }

    /** The receipt line for this request, or empty where the request does not concern complaints. */
    public Optional<CategoryOutcome> act(OfficeRecordsPrivacy.Person person, Instant now) {
        // complaints are filed under the email address alone
        List<Complaint> found = person.emailIndex() == null ? List.of()
                : complaints.findByEmailIndexOrderByReceivedAtDesc(person.emailIndex());
        RequestType type = person.type();
        if (type == RequestType.ERASURE) {
            LocalDate until = null;
            for (Complaint complaint : found) {
                LocalDate ends = complaint.receivedAt.atZone(ZoneId.of("Europe/London")).toLocalDate()
                        .plus(retention.period());
                until = until == null || ends.isAfter(until) ? ends : until;
                if (complaint.hold == null || complaint.hold.kind() != RequestType.ERASURE) {
                    complaint.hold = OfficeHold.erasure(person.requestId(), now, ends, retention.ground());
                    complaints.save(complaint);
                }
            }
            return Optional.of(found.isEmpty() ? CategoryOutcome.of(CATEGORY, Outcome.NOT_HELD, 0)
                    : CategoryOutcome.retained(CATEGORY, found.size(), retention.ground(), until));
        }
        if (type == RequestType.RESTRICTION) {
            found.stream().filter(complaint -> complaint.hold == null).forEach(complaint -> {
                complaint.hold = OfficeHold.restriction(person.requestId(), now);
                complaints.save(complaint);
            });
            return Optional.of(CategoryOutcome.counted(CATEGORY, Outcome.RESTRICTED, found.size()));
        }
        if (type == RequestType.LIFT_RESTRICTION) {
            found.stream().filter(complaint -> complaint.hold != null && complaint.hold.liftedBy(type))
                    .forEach(complaint -> {
                        complaint.hold = null;
                        complaints.save(complaint);
                    });
            return Optional.of(CategoryOutcome.counted(CATEGORY, Outcome.RESTRICTION_LIFTED, found.size()));
        }
        if (type.isExport()) {
            return Optional.of(CategoryOutcome.counted(CATEGORY, Outcome.EXPORTED, found.size()));
        }
        return Optional.empty();
    }

    public List<Exported> export(OfficeRecordsPrivacy.Person person) {
        if (person.emailIndex() == null) {
            return List.of();
        }
        return complaints.findByEmailIndexOrderByReceivedAtDesc(person.emailIndex()).stream()
                .map(c -> new Exported(c.receivedAt, c.channel.name(),
                        seal.openText(Complaint.SEALED_TEXT, c.id, c.sealedText), c.status.name(), c.dueDate,
                        seal.openText(Complaint.SEALED_ANSWER, c.id, c.sealedAnswer), c.answeredAt))
                .toList();
    }
}
