package uk.alluris.rights.outcomes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.rights.contact.Contact;
import uk.alluris.rights.contact.ContactSeal;
import uk.alluris.rights.contact.RequesterMail;
import uk.alluris.rights.register.PublishedRegister;
import uk.alluris.rights.request.PrivacyRequest;
import uk.alluris.rights.request.PrivacyRequests;
import uk.alluris.rights.request.RequestCompleted;
import uk.alluris.rights.request.RequestStatus;
import uk.alluris.rights.request.ServiceAnswer;

/**
 * Tells every requester how their request ended, once it completes: what each service did, what was kept, on which
 * ground and until when, and how to complain to the ICO ({@link OutcomeLetter}), by mail to the address they proved.
 * A request with no address to write to (an opt-out from an unsubscribe link, a contact without an email) is
 * recorded as not mailed. Either way it is evidence on the request, once: a completion heard twice mails once. A mail
 * that fails is tried again by {@link #tellMissed}, for requests completed within the last week.
 */
@Component
class OutcomeMail {

    static final String MAILED = "OUTCOME_MAILED";
    static final String NOT_MAILED = "OUTCOME_NOT_MAILED";
    private static final Set<String> TOLD = Set.of(MAILED, NOT_MAILED);
    private static final Duration CATCH_UP = Duration.ofDays(7);
    private static final Logger log = LoggerFactory.getLogger(OutcomeMail.class);

    private final PrivacyRequests requests;
    private final ContactSeal seal;
    private final RequesterMail mail;
    private final PublishedRegister register;
    private final Clock clock;

    OutcomeMail(PrivacyRequests requests, ContactSeal seal, RequesterMail mail, PublishedRegister register,
            Clock clock) {
        this.requests = requests;
        this.seal = seal;
        this.mail = mail;
        this.register = register;
        this.clock = clock;
    }

    /** The receipt that completed the request is recorded whatever happens here: a failed mail is left to the job. */
    @EventListener
    void on(RequestCompleted completed) {
        try {
            tell(completed.requestId());
        } catch (RuntimeException e) {
            log.warn("the outcome of request {} could not be mailed yet ({}); it will be tried again",
                    completed.requestId(), e.getClass().getSimpleName());
        }
    }

    @Scheduled(fixedDelayString = "${alluris.rights.outcome-check-every:5m}",
            initialDelayString = "${alluris.rights.outcome-check-every:5m}")
    void tellMissed() {
        Instant since = clock.instant().minus(CATCH_UP);
        for (PrivacyRequest request : requests.findByStatusAndCompletedAtAfter(RequestStatus.COMPLETED, since)) {
            if (!told(request)) {
                try {
                    tell(request.id());
                } catch (RuntimeException e) {
                    log.warn("the outcome of request {} could not be mailed yet ({})", request.id(),
                            e.getClass().getSimpleName());
                }
            }
        }
    }

    /** Mails the outcome of a completed request, or records why it could not be; does nothing the second time. */
    void tell(UUID id) {
        PrivacyRequest request = requests.findById(id).orElse(null);
        if (request == null || request.status() != RequestStatus.COMPLETED || told(request)) {
            return;
        }
        Contact contact = request.sealedContact() == null ? null : seal.open(id, request.sealedContact());
        Instant now = clock.instant();
        if (contact == null || !StringUtils.hasText(contact.email())) {
            requests.change(id, fresh -> fresh.record(now, "rights-request-service", NOT_MAILED,
                    "no email address to write to: the outcome was not mailed"));
            return;
        }
        Map<String, List<CategoryOutcome>> receipts = new LinkedHashMap<>();
        request.answers().forEach((service, answer) -> receipts.put(service, receipt(answer)));
        OutcomeLetter letter = OutcomeLetter.of(id, request.type().name(), request.receivedAt(), receipts,
                register.complaints());
        mail.sendOutcome(contact, letter.subject(), letter.text());
        requests.change(id, fresh -> fresh.record(now, "rights-request-service", MAILED, "the requester was told by"
                + " mail what each service did, what was kept, on which ground and until when, and how to complain"));
    }

    private static List<CategoryOutcome> receipt(ServiceAnswer answer) {
        return answer.receipt() == null ? List.of() : answer.receipt();
    }

    private static boolean told(PrivacyRequest request) {
        return request.evidence().stream().anyMatch(entry -> TOLD.contains(entry.step()));
    }
}
