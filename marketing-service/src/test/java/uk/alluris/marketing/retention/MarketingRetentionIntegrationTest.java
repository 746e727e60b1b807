package uk.alluris.marketing.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import uk.alluris.kit.retention.RetentionEnforcement;
import uk.alluris.testsupport.AdjustableClock;
import uk.alluris.testsupport.ServiceCalls;
import uk.alluris.testsupport.ServiceIntegrationTest;
import uk.alluris.testsupport.TestTokens;

/**
 * Marketing's categories ended by the kit's retention job on their day and not the day before (periods from the
 * register), and the suppression list never: records dated decades back, so nothing else in the store is due.
 */
@ServiceIntegrationTest
class MarketingRetentionIntegrationTest {

    private static final ZoneId CLINIC = ZoneId.of("Europe/London");

    @LocalServerPort
    int port;
    @Autowired
    RetentionEnforcement retention;
    @Autowired
    MongoTemplate mongo;

    @Test
    void aLeadThatNeverBecameAClientGoesSixMonthsAfterItArrivedAndAConvertedOneStays() {
        String unconverted = "lead-" + UUID.randomUUID();
        insert("leads", new Document("_id", unconverted).append("status", "STORED")
                .append("receivedAt", at(LocalDate.of(1984, 8, 31))));
        String converted = "lead-" + UUID.randomUUID();
        insert("leads", new Document("_id", converted).append("status", "STORED")
                .append("receivedAt", at(LocalDate.of(1984, 8, 31))).append("convertedAt", at(LocalDate.of(1984, 9, 2))));

        // 31 August plus six months is the last day of February
        retention.enforce(AdjustableClock.on(LocalDate.of(1985, 2, 27)));
        assertThat(exists("leads", unconverted)).isTrue();

        assertThat(retention.enforce(AdjustableClock.on(LocalDate.of(1985, 2, 28))))
                .anySatisfy(logged -> assertThat(logged.category()).isEqualTo("unconverted-leads"));
        assertThat(exists("leads", unconverted)).isFalse();
        assertThat(exists("leads", converted)).isTrue();
        mongo.remove(Query.query(Criteria.where("_id").is(converted)), "leads");
    }

    @Test
    void aCampaignSendGoesTwoYearsAfterItWasSentAndTheSuppressionListStaysForEver() {
        String send = UUID.randomUUID() + ":" + UUID.randomUUID();
        insert("campaign_sends", new Document("_id", send).append("outcome", "SENT")
                .append("sentAt", at(LocalDate.of(1981, 5, 20))));
        String suppressed = "index-" + UUID.randomUUID();
        insert("suppression_list", new Document("_id", suppressed).append("kind", "EMAIL").append("reason", "ERASURE")
                .append("since", at(LocalDate.of(1870, 1, 1))));

        retention.enforce(AdjustableClock.on(LocalDate.of(1983, 5, 19)));
        assertThat(exists("campaign_sends", send)).isTrue();

        assertThat(retention.enforce(AdjustableClock.on(LocalDate.of(1983, 5, 20))))
                .anySatisfy(logged -> assertThat(logged.category()).isEqualTo("campaign-sends"));
        assertThat(exists("campaign_sends", send)).isFalse();
        assertThat(exists("suppression_list", suppressed)).isTrue();
    }

    @Test
    void aSubscriberWithNoActivityForTwoYearsGoesOnThatDayAndALaterConsentKeepsThemLonger() {
        UUID inactive = UUID.randomUUID();
        insert("subscribers", new Document("_id", inactive).append("emailIndex", "index-" + inactive)
                .append("subscribedAt", at(LocalDate.of(1978, 10, 1))));
        UUID consentedLater = UUID.randomUUID();
        insert("subscribers", new Document("_id", consentedLater).append("emailIndex", "index-" + consentedLater)
                .append("subscribedAt", at(LocalDate.of(1978, 10, 1)))
                .append("consents", new Document("EMAIL", new Document("source", "form")
                        .append("grantedAt", at(LocalDate.of(1979, 6, 1))))));

        retention.enforce(AdjustableClock.on(LocalDate.of(1980, 9, 30)));
        assertThat(exists("subscribers", inactive)).isTrue();

        assertThat(retention.enforce(AdjustableClock.on(LocalDate.of(1980, 10, 1))))
                .anySatisfy(logged -> assertThat(logged.category()).isEqualTo("subscribers"));
        assertThat(exists("subscribers", inactive)).isFalse();
        assertThat(exists("subscribers", consentedLater)).isTrue();
        mongo.remove(Query.query(Criteria.where("_id").is(consentedLater)), "subscribers");
    }

    @Test
    void theForecastShowsTheSuppressionListAsNeverEndedAndIsForThePrivacyOfficerOnly() {
        ServiceCalls calls = ServiceCalls.onPort(port);

        var answer = calls.get("/api/marketing/retention/forecast?days=30", TestTokens.get().staff("PRIVACY_OFFICER"));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("categories")).anySatisfy(node -> {
            assertThat(node.path("category").asString()).isEqualTo("suppression-list");
            assertThat(node.path("enforced").asBoolean()).isFalse();
        });
        assertThat(answer.json().path("categories")).filteredOn(node -> node.path("enforced").asBoolean())
                .extracting(node -> node.path("category").asString())
                .containsExactlyInAnyOrder("subscribers", "unconverted-leads", "campaign-sends");
        assertThat(calls.get("/api/marketing/retention/forecast", TestTokens.get().staff("RECEPTION")).status())
                .isEqualTo(403);
    }

    private void insert(String collection, Document document) {
        mongo.insert(document, collection);
    }

    private static Date at(LocalDate day) {
        return Date.from(day.atTime(12, 0).atZone(CLINIC).toInstant());
    }

    private boolean exists(String collection, Object id) {
        return mongo.exists(Query.query(Criteria.where("_id").is(id)), collection);
    }
}
