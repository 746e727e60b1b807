package uk.alluris.rights.disclosures;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.kit.problem.ProblemException;
import uk.alluris.kit.register.ProcessingRegister;
import uk.alluris.rights.contact.ContactSeal;

/**
 * Recording a disclosure against a person found by email or phone through their blind indexes, held to the register
 * of processing: the recipient, the categories and the legal basis must be ones the register names.
 */
@Service
class RecordingDisclosures {

    private final Disclosures disclosures;
    private final BlindIndexer indexer;
    private final ContactSeal seal;
    private final ProcessingRegister register;
    private final Clock clock;

    RecordingDisclosures(Disclosures disclosures, BlindIndexer indexer, ContactSeal seal, ProcessingRegister register,
            Clock clock) {
        this.disclosures = disclosures;
        this.indexer = indexer;
        this.seal = seal;
        this.register = register;
        this.clock = clock;
    }

    Disclosure record(DisclosureBodies.Recorded body, String officer) {
        Indexes person = indexes(body.email(), body.phone());
        Set<String> recipients = register.recipients().stream().map(ProcessingRegister.Recipient::key)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        if (!recipients.contains(body.recipient())) {
            throw invalid("recipient must be a recipient of the register of processing: " + String.join(", ", recipients));
        }
        Set<String> categories = register.categories().stream().map(ProcessingRegister.DataCategory::key)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        if (!categories.containsAll(body.categories())) {
            throw invalid("categories must be data categories of the register: " + String.join(", ", categories));
        }
        List<String> bases = Arrays.stream(ProcessingRegister.LegalBasis.values()).map(Enum::name).toList();
        if (!bases.contains(body.legalBasis())) {
            throw invalid("legalBasis must be one of " + String.join(", ", bases));
        }
        boolean exempt = StringUtils.hasText(body.exemptionGround());
        if (exempt && body.personTold()) {
            throw invalid("exemptionGround is given only when personTold is false (the person was not told)");
        }
        Disclosure disclosure = new Disclosure();
        disclosure.id = UUID.randomUUID();
        disclosure.emailIndex = person.email();
        disclosure.phoneIndex = person.phone();
        disclosure.recipient = body.recipient();
        disclosure.recipientName = body.recipientName().strip();
        disclosure.categories = body.categories().stream().distinct().toList();
        disclosure.disclosedOn = body.disclosedOn();
        disclosure.legalBasis = body.legalBasis();
        disclosure.personTold = body.personTold();
        disclosure.exemptionGround = exempt ? body.exemptionGround().strip() : null;
        disclosure.sealedDetails = seal.sealText(Disclosure.SEALED_AS, disclosure.id, body.details().strip());
        disclosure.recordedBy = officer;
        disclosure.recordedAt = clock.instant();
        return disclosures.save(disclosure);
    }

    List<Disclosure> about(DisclosureBodies.Person person) {
        Indexes indexes = indexes(person.email(), person.phone());
        return disclosures.about(indexes.email(), indexes.phone());
    }

    String details(Disclosure disclosure) {
        return seal.openText(Disclosure.SEALED_AS, disclosure.id, disclosure.sealedDetails);
    }

    private Indexes indexes(String email, String phone) {
        if (!StringUtils.hasText(email) && !StringUtils.hasText(phone)) {
            throw invalid("email or phone must name the person (at least one)");
        }
        return new Indexes(StringUtils.hasText(email) ? indexer.email(email) : null,
                StringUtils.hasText(phone) ? indexer.phone(phone) : null);
    }

    private record Indexes(String email, String phone) {
    }

    static ProblemException invalid(String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "Invalid input", detail);
    }
}
