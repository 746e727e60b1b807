package uk.alluris.rights.complaints;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.alluris.rights.request.OfficeHold;

/**
 * A complaint about how the clinic handles personal data, from the person (portal or API) or logged by staff: due in
 * one month (the same calendar rule as a privacy request), assigned, answered by mail with the ICO route. The person
 * is named by the blind index of their email; the address, the complaint and the answer are sealed.
 */
@Document("complaints")
class Complaint {

    enum Status { OPEN, ANSWERED }

    /** How it reached the clinic. */
    enum Channel { PORTAL, PHONE, EMAIL, LETTER, IN_PERSON }

    static final String SEALED_EMAIL = "complaint-email";
    static final String SEALED_TEXT = "complaint-text";
    static final String SEALED_ANSWER = "complaint-answer";

    @Id
    UUID id;
    @Indexed
    String emailIndex;
    String sealedEmail;
    String sealedText;
    Channel channel;
    /** Who logged it: the client's own subject, or the member of staff who took it. */
    String loggedBy;
    Instant receivedAt;
    @Indexed
    Status status;
    LocalDate dueDate;
    String assignee;
    String sealedAnswer;
    String answeredBy;
    Instant answeredAt;
    /** When the answer mail went; null while it is still to be sent (the mail job retries). */
    Instant answerMailedAt;
    OfficeHold hold;
    @Version
    Long version;

    boolean overdue(LocalDate today) {
        return status == Status.OPEN && today.isAfter(dueDate);
    }
}
