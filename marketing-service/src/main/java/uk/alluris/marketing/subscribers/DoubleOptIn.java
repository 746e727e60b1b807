package uk.alluris.marketing.subscribers;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.kit.identity.Normalisation;
import uk.alluris.kit.problem.ProblemException;
import uk.alluris.marketing.MarketingProperties;
import uk.alluris.marketing.mail.MarketingMail;
import uk.alluris.marketing.mail.SignedLinks;
import uk.alluris.marketing.suppression.MarketingEligibility;

/**
 * Public sign-up with double opt-in. A sign-up only sends a confirmation link; nobody is a subscriber, nor sent any
 * marketing, until they use it. The answer to a sign-up is the same whoever signs up: a suppressed or restricted
 * address gets it too, with nothing sent and nothing stored, so the form cannot be used to learn who objected; so does
 * an address that has had its {@value ConfirmationMailQuota#PER_DAY} confirmation mails today, so the form cannot be
 * used to flood anyone's inbox.
 */
@Service
class DoubleOptIn {

    static final String SOURCE = "double-opt-in";
    private static final Logger log = LoggerFactory.getLogger(DoubleOptIn.class);

    /** A sign-up as the form sent it, shape already validated. */
    record SignUp(String email, String phone, String fullName, List<String> lists, List<MarketingChannel> channels,
            String consentText, String formId) {
    }

    /** What confirming did: a new confirmation, or one already made. */
    record Confirmation(UUID subscriberId, boolean alreadyConfirmed) {
    }

    private final PendingSubscriptions pending;
    private final Enrolment enrolment;
    private final MarketingEligibility eligibility;
    private final BlindIndexer indexer;
    private final SignedLinks links;
    private final MarketingMail mail;
    private final MarketingProperties properties;
    private final ConfirmationMailQuota quota;
    private final Clock clock;

    DoubleOptIn(PendingSubscriptions pending, Enrolment enrolment, MarketingEligibility eligibility, BlindIndexer indexer,
            SignedLinks links, MarketingMail mail, MarketingProperties properties, ConfirmationMailQuota quota,
            Clock clock) {
        this.pending = pending;
        this.enrolment = enrolment;
        this.eligibility = eligibility;
        this.indexer = indexer;
        this.links = links;
        this.mail = mail;
        this.properties = properties;
        this.quota = quota;
        this.clock = clock;
    }

    /** Stores the sign-up and mails its link, unless the person may not be marketed to; answers alike either way. */
    void signUp(SignUp request, String ipAddress, String userAgent) {
        String email = Normalisation.email(request.email());
        String phone = request.phone() == null || request.phone().isBlank() ? null : indexer.normalisePhone(request.phone());
        if (request.channels().contains(MarketingChannel.SMS) && phone == null) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid input", "text messages need a phone number");
        }
        Enrolment.Contact contact = new Enrolment.Contact(email, indexer.email(email), phone,
                phone == null ? null : indexer.phone(phone), blankToNull(request.fullName()));
        if (eligibility.verdict(null, contact.emailIndex(), contact.phoneIndex()) != MarketingEligibility.Verdict.ELIGIBLE) {
            log.info("sign-up not taken: the person may not be marketed to");
            return;
        }
        if (!quota.take(contact.emailIndex())) {
            log.info("sign-up not taken: the address has had today's confirmation mails");
            return;
        }
        List<String> lists = request.lists() == null || request.lists().isEmpty() ? List.of(properties.defaultList())
                : request.lists().stream().distinct().toList();
        Instant now = clock.instant();
        Instant expires = now.plus(properties.confirmationValidFor());
        PendingSubscription saved = pending.save(PendingSubscription.of(contact, lists, request.channels(),
                blankToNull(request.formId()), blankToNull(request.consentText()), ipAddress, truncate(userAgent, 500),
                now, expires));
        mail.sendConfirmationSoon(email, contact.fullName(), links.confirmation(saved.id(), expires));
    }

    /**
     * Whether the sign-up a link names is already confirmed; changes nothing.
     *
     * @throws uk.alluris.kit.problem.ProblemException 400 for a forged link, 410 for an expired one, 404 for a sign-up
     *     no longer waiting
     */
    boolean isConfirmed(String token) {
        return waiting(links.openConfirmation(token)).confirmedAt() != null;
    }

    /**
     * Confirms the sign-up a link names: the person becomes a subscriber with consent for the channels they chose,
     * and the consent ledger is told. Using the link again changes nothing.
     */
    Confirmation confirm(String token) {
        UUID id = links.openConfirmation(token);
        PendingSubscription sign = waiting(id);
        if (sign.confirmedAt() != null) {
            return new Confirmation(sign.subscriberId, true);
        }
        Enrolment.Contact contact = sign.contact();
        // suppressed or restricted since signing up: not subscribed after all
        eligibility.requireMayBeMarketed(contact.emailIndex(), contact.phoneIndex());
        Instant now = clock.instant();
        EnumSet<MarketingChannel> channels = EnumSet.noneOf(MarketingChannel.class);
        channels.addAll(sign.channels());
        // a fixed event id: confirming again after a crash repeats the same event, which the ledger skips
        UUID eventId = UUID.nameUUIDFromBytes(("consent-captured:" + id).getBytes(StandardCharsets.UTF_8));
        Subscriber subscriber = enrolment.enrol(contact, sign.lists(), channels, new Enrolment.Evidence(eventId, "WEB",
                SOURCE, sign.formId(), sign.consentText(), sign.ipAddress, sign.userAgent, now));
        sign.confirmed(subscriber.id(), now);
        pending.save(sign);
        return new Confirmation(subscriber.id(), false);
    }

    private PendingSubscription waiting(UUID id) {
        return pending.findById(id).orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "Not found",
                "this sign-up is no longer waiting for confirmation; please sign up again"));
    }

    /** Sign-ups never confirmed (and the traces of confirmed ones) go once their link has expired. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void forgetExpired() {
        long removed = pending.deleteByExpiresAtBefore(clock.instant());
        if (removed > 0) {
            log.info("{} expired sign-ups removed", removed);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String truncate(String value, int max) {
        return value == null ? null : value.length() <= max ? value : value.substring(0, max);
    }
}
