package uk.alluris.rights.retention;

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
 * A completed request's evidence ended by the kit's retention job six years (the register's period) after its
 * completion, on that day and not the day before; an open request never. Dated decades back.
 */
@ServiceIntegrationTest
class RightsRetentionIntegrationTest {

    private static final ZoneId CLINIC = ZoneId.of("Europe/London");

    @LocalServerPort
    int port;
    @Autowired
    RetentionEnforcement retention;
    @Autowired
    MongoTemplate mongo;

    @Test
    void aCompletedRequestsEvidenceGoesSixYearsAfterCompletionWhileAnOpenRequestStays() {
        UUID completed = UUID.randomUUID();
        mongo.insert(new Document("_id", completed).append("status", "COMPLETED")
                .append("receivedAt", at(LocalDate.of(1975, 1, 2))).append("completedAt", at(LocalDate.of(1975, 1, 20))),
                "privacy_requests");
        UUID open = UUID.randomUUID();
        mongo.insert(new Document("_id", open).append("status", "AWAITING_VERIFICATION")
                .append("receivedAt", at(LocalDate.of(1975, 1, 2))), "privacy_requests");

        retention.enforce(AdjustableClock.on(LocalDate.of(1981, 1, 19)));
        assertThat(exists(completed)).isTrue();

        assertThat(retention.enforce(AdjustableClock.on(LocalDate.of(1981, 1, 20)))).anySatisfy(logged -> {
            assertThat(logged.category()).isEqualTo("request-evidence");
            assertThat(logged.rule()).isEqualTo("P6Y after COMPLETION");
        });
        assertThat(exists(completed)).isFalse();
        assertThat(retention.enforce(AdjustableClock.on(LocalDate.of(2020, 1, 1)))).noneSatisfy(
                logged -> assertThat(logged.category()).isEqualTo("request-evidence"));
        assertThat(exists(open)).isTrue();
        mongo.remove(Query.query(Criteria.where("_id").is(open)), "privacy_requests");
    }

    @Test
    void aDisclosureAndAnAnsweredComplaintGoSixYearsAfterTheyWereMadeWhileAnUnansweredComplaintStays() {
        UUID disclosure = UUID.randomUUID();
        mongo.insert(new Document("_id", disclosure).append("recordedAt", at(LocalDate.of(1974, 3, 1))), "disclosures");
        UUID answered = UUID.randomUUID();
        mongo.insert(new Document("_id", answered).append("receivedAt", at(LocalDate.of(1974, 3, 1)))
                .append("answeredAt", at(LocalDate.of(1974, 3, 20))), "complaints");
        UUID unanswered = UUID.randomUUID();
        mongo.insert(new Document("_id", unanswered).append("receivedAt", at(LocalDate.of(1974, 3, 1))), "complaints");

        retention.enforce(AdjustableClock.on(LocalDate.of(1980, 2, 29)));
        assertThat(exists(disclosure, "disclosures")).isTrue();
        assertThat(exists(answered, "complaints")).isTrue();

        assertThat(retention.enforce(AdjustableClock.on(LocalDate.of(1980, 3, 1))))
                .extracting(logged -> logged.category()).contains("disclosure-log", "complaints");
        assertThat(exists(disclosure, "disclosures")).isFalse();
        assertThat(exists(answered, "complaints")).isFalse();
        assertThat(exists(unanswered, "complaints")).isTrue();
        mongo.remove(Query.query(Criteria.where("_id").is(unanswered)), "complaints");
    }

    @Test
    void aReadyBundleIsExpiredSevenDaysAfterItBecameReadyAndNotTheDayBeforeWithTheExpiryInTheRequestsEvidence() {
        UUID request = UUID.randomUUID();
        // an access request answered long ago, without a completion so the request-evidence rule leaves it alone
        mongo.insert(new Document("_id", request).append("type", "ACCESS").append("status", "COMPLETED")
                .append("receivedAt", at(LocalDate.of(1976, 4, 1))).append("version", 0L), "privacy_requests");
        mongo.insert(new Document("_id", request).append("status", "READY")
                .append("readyAt", at(LocalDate.of(1976, 4, 2))).append("expiresAt", at(LocalDate.of(2100, 1, 1)))
                .append("version", 0L), "bundles");

        retention.enforce(AdjustableClock.on(LocalDate.of(1976, 4, 8)));
        assertThat(bundleStatus(request)).isEqualTo("READY");

        assertThat(retention.enforce(AdjustableClock.on(LocalDate.of(1976, 4, 9))))
                .extracting(logged -> logged.category()).contains("access-bundles");
        assertThat(bundleStatus(request)).isEqualTo("EXPIRED");
        assertThat(mongo.findById(request, Document.class, "privacy_requests").getList("evidence", Document.class))
                .extracting(step -> step.getString("step")).contains("BUNDLE_EXPIRED");
        mongo.remove(Query.query(Criteria.where("_id").is(request)), "privacy_requests");
        mongo.remove(Query.query(Criteria.where("_id").is(request)), "bundles");
    }

    private String bundleStatus(UUID request) {
        return mongo.findById(request, Document.class, "bundles").getString("status");
    }

    @Test
    void theForecastCoversRequestsAndBundlesForThePrivacyOfficerOnly() {
        ServiceCalls calls = ServiceCalls.onPort(port);

        var answer = calls.get("/api/privacy/retention/forecast?days=30", TestTokens.get().staff("PRIVACY_OFFICER"));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("categories")).extracting(node -> node.path("category").asString())
                .containsExactly("request-evidence", "access-bundles", "disclosure-log", "complaints");
        assertThat(answer.json().path("categories")).allSatisfy(
                category -> assertThat(category.path("enforced").asBoolean()).isTrue());
        assertThat(calls.get("/api/privacy/retention/forecast", TestTokens.get().staff("RECEPTION")).status())
                .isEqualTo(403);
    }

    private static Date at(LocalDate day) {
        return Date.from(day.atTime(12, 0).atZone(CLINIC).toInstant());
    }

    private boolean exists(UUID id, String collection) {
        return mongo.exists(Query.query(Criteria.where("_id").is(id)), collection);
    }

    private boolean exists(UUID id) {
        return mongo.exists(Query.query(Criteria.where("_id").is(id)), "privacy_requests");
    }
}
