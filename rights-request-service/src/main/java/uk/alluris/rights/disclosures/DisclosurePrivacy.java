package uk.alluris.rights.disclosures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.events.Outcome;
import uk.alluris.kit.register.ProcessingRegister;
import uk.alluris.rights.request.OfficeHold;
import uk.alluris.rights.request.OfficeRecordsPrivacy;
import uk.alluris.rights.request.RequestType;

/**
 * What a privacy request does to the disclosure log. An erasure keeps it (a legal obligation: accountability and the
 * limitation period, the register's {@code disclosure-log} retention) but holds it back; a restriction holds it back
 * until lifted; an access request exports every disclosure except those recorded under an exemption.
 */
@Component
public class DisclosurePrivacy {

    public static final String CATEGORY = "disclosure-log";

    private final Disclosures disclosures;
    private final ProcessingRegister.Retention retention;

    DisclosurePrivacy(Disclosures disclosures, ProcessingRegister register) {
        this.disclosures = disclosures;
        this.retention = register.category(CATEGORY).orElseThrow(() -> new IllegalStateException(
                "the register of processing has no category " + CATEGORY)).retention();
    }

    /** A disclosure as the person reads it in their bundle. */
    public record Exported(String recipient, String recipientName, List<String> categories, LocalDate disclosedOn,
            String legalBasis, boolean youWereTold) {
    }

    /** The receipt line for this request, or empty where the request does not concern the log (an objection, a correction). */
    public Optional<CategoryOutcome> act(OfficeRecordsPrivacy.Person person, Instant now) {
        List<Disclosure> found = disclosures.about(person.emailIndex(), person.phoneIndex());
        RequestType type = person.type();
        if (type == RequestType.ERASURE) {
            LocalDate until = null;
            for (Disclosure disclosure : found) {
                LocalDate ends = disclosure.disclosedOn.plus(retention.period());
                until = until == null || ends.isAfter(until) ? ends : until;
                if (disclosure.hold == null || disclosure.hold.kind() != RequestType.ERASURE) {
                    disclosure.hold = OfficeHold.erasure(person.requestId(), now, ends, retention.ground());
                    disclosures.save(disclosure);
                }
            }
            return Optional.of(found.isEmpty() ? CategoryOutcome.of(CATEGORY, Outcome.NOT_HELD, 0)
                    : CategoryOutcome.retained(CATEGORY, found.size(), retention.ground(), until));
        }
        if (type == RequestType.RESTRICTION) {
            found.stream().filter(disclosure -> disclosure.hold == null).forEach(disclosure -> {
                disclosure.hold = OfficeHold.restriction(person.requestId(), now);
                disclosures.save(disclosure);
            });
            return Optional.of(CategoryOutcome.counted(CATEGORY, Outcome.RESTRICTED, found.size()));
        }
        if (type == RequestType.LIFT_RESTRICTION) {
            found.stream().filter(disclosure -> disclosure.hold != null && disclosure.hold.liftedBy(type))
                    .forEach(disclosure -> {
                        disclosure.hold = null;
                        disclosures.save(disclosure);
                    });
            return Optional.of(CategoryOutcome.counted(CATEGORY, Outcome.RESTRICTION_LIFTED, found.size()));
        }
        if (type.isExport()) {
            return Optional.of(CategoryOutcome.counted(CATEGORY, Outcome.EXPORTED, export(person).size()));
        }
        return Optional.empty();
    }

    /** The person's disclosures for their bundle: none recorded under an exemption. */
    public List<Exported> export(OfficeRecordsPrivacy.Person person) {
        return disclosures.about(person.emailIndex(), person.phoneIndex()).stream()
                .filter(disclosure -> !disclosure.exempt())
                .map(d -> new Exported(d.recipient, d.recipientName, d.categories, d.disclosedOn, d.legalBasis,
                        d.personTold))
                .toList();
    }
}
