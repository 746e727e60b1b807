package uk.alluris.rights.optout;

import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import uk.alluris.events.ConsentWithdrawn;
import uk.alluris.events.SubscriberUnsubscribed;
import uk.alluris.rights.request.FilingRequests;

/**
 * Makes an opt-out made anywhere reach everywhere. A one-click unsubscribe in a marketing email
 * ({@code SubscriberUnsubscribed} on {@code marketing.events}) or a withdrawal of any marketing purpose in the consent
 * ledger ({@code ConsentWithdrawn} on {@code consent.events}) becomes an {@code OBJECTION_TO_MARKETING} request, verified
 * by the channel it came through (a signed link, the ledger's own evidence), that fans out to every data-holding
 * service and completes with their receipts — the same proof as a request filed by hand.
 * <p>
 * A withdrawal of one marketing channel is taken as an objection to direct marketing as a whole (PECR's safe side:
 * the person said stop). What the objection itself causes — the ledger's withdrawals with channel
 * {@code PRIVACY_REQUEST}, marketing's unsubscribes with source {@code privacy-request} — is not filed again, so an
 * opt-out never loops; and while one opt-out for a person is still in progress, another is not filed.
 */
@Component
class OptOutFiling {

    private static final Logger log = LoggerFactory.getLogger(OptOutFiling.class);
    static final Set<String> MARKETING_PURPOSES = Set.of("marketing.email", "marketing.sms", "marketing.phone",
            "photos.marketing.identifiable", "photos.marketing.anonymised");

    private final FilingRequests filing;

    OptOutFiling(FilingRequests filing) {
        this.filing = filing;
    }

    /** A one-click unsubscribe (handed over by the kit's typed consumer, {@link OptOutConfiguration}). */
    void unsubscribed(SubscriberUnsubscribed unsubscribed) {
        if (unsubscribed.source() != null && unsubscribed.source().startsWith("privacy-request")) {
            return;
        }
        fileFor(unsubscribed.subjectId(), unsubscribed.emailIndex(), "marketing-service",
                "unsubscribed (" + unsubscribed.source() + ")");
    }

    /** A withdrawal in the consent ledger; only marketing purposes, and not the objection's own, are opt-outs. */
    void withdrawn(ConsentWithdrawn withdrawn) {
        if (!MARKETING_PURPOSES.contains(withdrawn.purpose()) || "PRIVACY_REQUEST".equals(withdrawn.channel())) {
            return;
        }
        fileFor(withdrawn.subjectId(), withdrawn.emailIndex(), "consent-service",
                "withdrew " + withdrawn.purpose() + " (" + withdrawn.channel() + ")");
    }

    private void fileFor(String subjectId, String emailIndex, String service, String how) {
        List<String> subjectIds = subjectId == null ? List.of() : List.of(subjectId);
        if (subjectIds.isEmpty() && emailIndex == null) {
            log.warn("opt-out from {} names nobody; ignored", service);
            return;
        }
        filing.fileOptOut(subjectIds, emailIndex, service, how)
                .ifPresent(request -> log.info("opt-out from {} filed as objection to marketing {}", service,
                        request.id()));
    }
}
