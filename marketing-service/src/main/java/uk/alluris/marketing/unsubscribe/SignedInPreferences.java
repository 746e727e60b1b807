package uk.alluris.marketing.unsubscribe;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
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

    record Membership(
            @Schema(description = "The subscription's id", example = "3c9a1f5e-7b2d-4e6f-8a0b-9c1d2e3f4a5b") UUID id,
            @Schema(description = "The lists it is on", example = "[\"newsletter\", \"skin-offers\"]")
            List<String> lists,
            @Schema(description = "The channels consented to (email, sms), alphabetical; empty once left",
                    example = "[\"email\"]") List<String> channels,
            @Schema(description = "When it began (ISO-8601 instant, UTC)", example = "2026-12-03T10:30:00Z")
            Instant subscribedAt,
            @Schema(description = "When it was left (ISO-8601 instant, UTC); absent while subscribed",
                    example = "2027-02-01T08:15:00Z") Instant unsubscribedAt) {
    }

    record Preferences(
            @Schema(description = "Every subscription held under the client's email; empty when there is none (or "
                    + "after an erasure)", example = "[{\"id\": \"3c9a1f5e-7b2d-4e6f-8a0b-9c1d2e3f4a5b\", "
                    + "\"lists\": [\"newsletter\"], \"channels\": [\"email\"], "
                    + "\"subscribedAt\": \"2026-12-03T10:30:00Z\"}]") List<Membership> subscriptions,
            @Schema(description = "Whether the client's processing is restricted now: nothing is sent while it lasts, "
                    + "and they may always leave", example = "false") boolean restricted) {
    }

    private final OneClickUnsubscribe unsubscribe;
    private final Restrictions restrictions;

    SignedInPreferences(OneClickUnsubscribe unsubscribe, Restrictions restrictions) {
        this.unsubscribe = unsubscribe;
        this.restrictions = restrictions;
    }

    @GetMapping("/api/marketing/me")
    @Operation(summary = "Read my marketing", description = "The signed-in client's own subscriptions (lists, "
            + "channels, dates) held under the email their token is bound to, and whether they are restricted. CLIENT "
            + "only, never anyone else's. An erased person has none; one who objected shows as unsubscribed.")
    Preferences mine() {
        String emailIndex = signedInClient();
        List<Subscriber> held = unsubscribe.heldFor(emailIndex);
        return new Preferences(held.stream().map(s -> new Membership(s.id(), s.lists(),
                s.consents().keySet().stream().map(MarketingChannel::wireName).sorted().toList(), s.subscribedAt(),
                s.unsubscribedAt())).toList(), restrictions.isRestricted(null, emailIndex, null));
    }

    @PostMapping("/api/marketing/me/unsubscribe")
    @Operation(summary = "Leave all marketing", description = "Leaves every subscription at once, as the one-click "
            + "link in a message does: unsubscribed, channel consents dropped, suppressed as an objection and the "
            + "opt-out told to every service; answers the preferences afterwards. CLIENT only, for themselves; a "
            + "restricted client may always leave, and leaving again changes nothing.")
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
