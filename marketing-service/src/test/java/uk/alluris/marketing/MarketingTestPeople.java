package uk.alluris.marketing;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.marketing.subscribers.Enrolment;
import uk.alluris.marketing.subscribers.MarketingChannel;
import uk.alluris.marketing.subscribers.Subscriber;

/** People for tests: subscribers who consented themselves, made as a confirmed sign-up makes them. */
public final class MarketingTestPeople {

    private MarketingTestPeople() {
    }

    public static String freshEmail(String label) {
        return label + "-" + UUID.randomUUID() + "@example.com";
    }

    /** A subscriber on {@code list} with email consent (as after a confirmed double opt-in). */
    public static Subscriber consenting(Enrolment enrolment, BlindIndexer indexer, String email, String list) {
        return enrolment.enrol(new Enrolment.Contact(email, indexer.email(email), null, null, "Casey Test"),
                List.of(list), EnumSet.of(MarketingChannel.EMAIL), new Enrolment.Evidence(UUID.randomUUID(), "WEB",
                        "double-opt-in", "test-form", "Yes, email me.", null, null, Instant.now()));
    }
}
