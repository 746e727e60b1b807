package uk.alluris.marketing.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.events.Outcome;
import uk.alluris.events.RectificationRequested;
import uk.alluris.events.SubjectIdentifiers;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.kit.privacy.Corrections;
import uk.alluris.kit.privacy.Restrictions;
import uk.alluris.kit.privacy.TransportSeal;
import uk.alluris.marketing.MarketingTestPeople;
import uk.alluris.marketing.subscribers.Enrolment;
import uk.alluris.marketing.subscribers.MarketingChannel;
import uk.alluris.marketing.subscribers.Subscriber;
import uk.alluris.marketing.suppression.MarketingEligibility;
import uk.alluris.marketing.suppression.SuppressionEntry;
import uk.alluris.marketing.suppression.SuppressionList;
import uk.alluris.testsupport.PrivacyRequestProbe;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

/**
 * Rectification in marketing holds to the rules booking and records keep: a correction never takes an email or phone
 * that identifies someone else, and a restricted person stays restricted under their corrected details.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesEmbeddedInfrastructure
class MarketingRectificationGuardIntegrationTest {

    private static final String SERVICE = "marketing-service";
    @RegisterExtension
    static final PrivacyRequestProbe probe = new PrivacyRequestProbe();

    @Autowired
    BlindIndexer indexer;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    Enrolment enrolment;
    @Autowired
    TransportSeal transport;
    @Autowired
    Restrictions restrictions;
    @Autowired
    SuppressionList suppression;
    @Autowired
    MarketingEligibility eligibility;

    @Test
    void aCorrectionToAnEmailOrPhoneThatIdentifiesSomeoneElseIsNotAppliedWhileTheNameStillIs() {
        Subscriber person = subscriber(MarketingTestPeople.freshEmail("guard-person"), "07911 223301");
        Subscriber someoneElse = subscriber(MarketingTestPeople.freshEmail("guard-victim"), "07911 223302");

        List<CategoryOutcome> receipt = rectify(person, new Corrections("Pat Corrected", someoneElse.email(),
                "07911 223302", null));

        assertThat(receipt).contains(CategoryOutcome.of("subscribers", Outcome.RECTIFIED, 1));
        Subscriber after = mongo.findById(person.id(), Subscriber.class);
        assertThat(after.fullName()).isEqualTo("Pat Corrected");
        assertThat(after.email()).isEqualTo(person.email());
        assertThat(after.emailIndex()).isEqualTo(person.emailIndex());
        assertThat(after.phoneIndex()).isEqualTo(person.phoneIndex());
        Subscriber untouched = mongo.findById(someoneElse.id(), Subscriber.class);
        assertThat(untouched.email()).isEqualTo(someoneElse.email());
        assertThat(untouched.fullName()).isEqualTo("Casey Test");
    }

    @Test
    void aCorrectionToTheirOwnDetailsOrToFreshOnesIsApplied() {
        Subscriber person = subscriber(MarketingTestPeople.freshEmail("guard-own"), "07911 223303");
        String fresh = MarketingTestPeople.freshEmail("guard-fresh");

        rectify(person, new Corrections(null, fresh, "07911 223303", null));

        Subscriber after = mongo.findById(person.id(), Subscriber.class);
        assertThat(after.emailIndex()).isEqualTo(indexer.email(fresh));
        assertThat(after.phoneIndex()).isEqualTo(person.phoneIndex());
    }

    @Test
    void aRestrictedPersonStaysRestrictedAndSuppressedUnderTheirCorrectedDetails() {
        Subscriber person = subscriber(MarketingTestPeople.freshEmail("guard-restricted"), null);
        SubjectIdentifiers byEmail = new SubjectIdentifiers(List.of(), List.of(person.emailIndex()), List.of());
        restrictions.restrict(byEmail);
        suppression.suppress(List.of(person.emailIndex()), List.of(), SuppressionEntry.Reason.RESTRICTION);
        String corrected = MarketingTestPeople.freshEmail("guard-restricted-new");

        rectify(person, new Corrections(null, corrected, "07911 223304", null));

        String newEmail = indexer.email(corrected);
        String newPhone = indexer.phone("07911 223304");
        assertThat(mongo.findById(person.id(), Subscriber.class).emailIndex()).isEqualTo(newEmail);
        assertThat(restrictions.isRestricted(null, newEmail, null)).isTrue();
        assertThat(restrictions.isRestricted(null, null, newPhone)).isTrue();
        assertThat(suppression.reasonsFor(newEmail, null)).containsExactly(SuppressionEntry.Reason.RESTRICTION);
        assertThat(eligibility.verdict(null, newEmail, newPhone)).isNotEqualTo(MarketingEligibility.Verdict.ELIGIBLE);
    }

    private List<CategoryOutcome> rectify(Subscriber person, Corrections corrections) {
        UUID requestId = UUID.randomUUID();
        probe.publish(new RectificationRequested(UUID.randomUUID(), requestId,
                new SubjectIdentifiers(List.of(), List.of(person.emailIndex()), List.of()), LocalDate.now().plusMonths(1),
                Instant.now(), corrections.fields(), transport.seal(corrections, requestId)));
        return probe.receipt(requestId, SERVICE).categories();
    }

    private Subscriber subscriber(String email, String phone) {
        String normalised = phone == null ? null : indexer.normalisePhone(phone);
        return enrolment.enrol(new Enrolment.Contact(email, indexer.email(email), normalised,
                normalised == null ? null : indexer.phone(normalised), "Casey Test"), List.of("guard-list"),
                EnumSet.of(MarketingChannel.EMAIL), new Enrolment.Evidence(UUID.randomUUID(), "WEB", "double-opt-in",
                        "test-form", "Yes, email me.", null, null, Instant.now()));
    }
}
