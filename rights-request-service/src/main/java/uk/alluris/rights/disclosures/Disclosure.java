package uk.alluris.rights.disclosures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.alluris.rights.request.OfficeHold;

/**
 * One disclosure of a person's data to a third party (a regulator, an insurer, the police): who received what, when,
 * on which legal basis, and whether the person was told — or the exemption, with its ground, under which they were
 * not. The person is named only by blind indexes; what exactly was sent (the free text) is sealed.
 */
@Document("disclosures")
class Disclosure {

    @Id
    UUID id;
    @Indexed
    String emailIndex;
    @Indexed
    String phoneIndex;
    /** The recipient's key in the register of processing. */
    String recipient;
    /** Who exactly received it (e.g. "Thames Valley Police, CID"): an organisation, not the person's data. */
    String recipientName;
    /** Register category keys. */
    List<String> categories;
    LocalDate disclosedOn;
    String legalBasis;
    boolean personTold;
    /** Set when the person is not told under an exemption: the ground (e.g. "DPA 2018 Sch. 2 para 2: crime"). */
    String exemptionGround;
    String sealedDetails;
    String recordedBy;
    Instant recordedAt;
    OfficeHold hold;
    @Version
    Long version;

    static final String SEALED_AS = "disclosure-details";

    boolean exempt() {
        return exemptionGround != null;
    }
}
