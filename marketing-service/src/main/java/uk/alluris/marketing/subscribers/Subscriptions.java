package uk.alluris.marketing.subscribers;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.kit.identity.Normalisation;
import uk.alluris.marketing.suppression.MarketingEligibility;

/**
 * Adding people to lists. Everything is checked before anything is written (address, phone, suppression,
 * restriction), so a refused or invalid subscription stores nothing. One person is one subscriber, found by the blind
 * index of their address: subscribing again merges the lists.
 */
@Service
class Subscriptions {

    /** What staff asked for, already validated for shape by the API. */
    record Request(String email, String phone, String fullName, List<String> lists, String source) {
    }

    private final Subscribers subscribers;
    private final MarketingEligibility eligibility;
    private final BlindIndexer indexer;
    private final Clock clock;

    Subscriptions(Subscribers subscribers, MarketingEligibility eligibility, BlindIndexer indexer, Clock clock) {
        this.subscribers = subscribers;
        this.eligibility = eligibility;
        this.indexer = indexer;
        this.clock = clock;
    }

    Subscriber subscribe(Request request) {
        String email = Normalisation.email(request.email());
        String emailIndex = indexer.email(email);
        String phone = request.phone() == null || request.phone().isBlank() ? null : indexer.normalisePhone(request.phone());
        String phoneIndex = phone == null ? null : indexer.phone(phone);
        eligibility.requireMayBeMarketed(emailIndex, phoneIndex);
        Instant now = clock.instant();
        Subscriber subscriber = subscribers.findFirstByEmailIndex(emailIndex).map(known -> {
            known.join(phone, request.fullName(), phoneIndex, request.lists(), now);
            return known;
        }).orElseGet(() -> Subscriber.subscribe(email, phone, request.fullName(), emailIndex, phoneIndex,
                request.lists(), request.source().strip(), now));
        return subscribers.save(subscriber);
    }

    /** Every subscriber with this address (one, unless two were added at the very same moment). */
    List<Subscriber> byEmail(String email) {
        return subscribers.findByEmailIndex(indexer.email(email));
    }
}
