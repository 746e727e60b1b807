package uk.alluris.marketing.unsubscribe;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.alluris.kit.privacy.Restrictions;
import uk.alluris.kit.problem.ProblemException;
import uk.alluris.kit.security.CurrentCaller;
import uk.alluris.marketing.subscribers.MarketingChannel;
import uk.alluris.marketing.subscribers.Subscriber;

/**
 * A signed-in client's own marketing: the lists and channels of every subscription held under the email their CLIENT
 * token is bound to, and leaving everything at once, exactly as the one-click link in a message does (unsubscribed,
 * channel consents dropped, suppressed as an objection, the opt-out told to every service). Only that client (by
 * email index), never anyone else's. An erased person has no subscription left (an empty answer); an objecting one
 * shows as unsubscribed; a restricted one is marked, and may always leave.
 */
@RestController
class SignedInPreferences {

    record Membership(UUID id, List<String> lists, List<String> channels, Instant subscribedAt,
            Instant unsubscribedAt) {
    }

    record Preferences(List<Membership> subscriptions, boolean restricted) {
    }

    private final OneClickUnsubscribe unsubscribe;
    private final Restrictions restrictions;

    SignedInPreferences(OneClickUnsubscribe unsubscribe, Restrictions restrictions) {
        this.unsubscribe = unsubscribe;
        this.restrictions = restrictions;
    }

    @GetMapping("/api/marketing/me")
    Preferences mine() {
        String emailIndex = signedInClient();
        List<Subscriber> held = unsubscribe.heldFor(emailIndex);
        return new Preferences(held.stream().map(s -> new Membership(s.id(), s.lists(),
                s.consents().keySet().stream().map(MarketingChannel::wireName).sorted().toList(), s.subscribedAt(),
                s.unsubscribedAt())).toList(), restrictions.isRestricted(null, emailIndex, null));
    }

    @PostMapping("/api/marketing/me/unsubscribe")
    Preferences leaveEverything() {
        unsubscribe.heldFor(signedInClient()).forEach(subscriber -> unsubscribe.unsubscribe(subscriber.id()));
        return mine();
    }

    private static String signedInClient() {
        return CurrentCaller.get().filter(CurrentCaller::isClient).flatMap(CurrentCaller::emailIndex)
                .orElseThrow(() -> new ProblemException(HttpStatus.FORBIDDEN, "Forbidden",
                        "only a signed-in client has marketing preferences of their own"));
    }
}
