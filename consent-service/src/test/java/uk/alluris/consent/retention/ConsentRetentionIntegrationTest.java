package uk.alluris.consent.retention;

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
 * Consent proof ended by the kit's retention job six years (the register's period) after a withdrawal, on that day
 * and not the day before; decisions dated decades back so nothing else in the store is due with them.
 */
@ServiceIntegrationTest
class ConsentRetentionIntegrationTest {

    private static final ZoneId CLINIC = ZoneId.of("Europe/London");

    @LocalServerPort
    int port;
    @Autowired
    RetentionEnforcement retention;
    @Autowired
    MongoTemplate mongo;

    @Test
    void theProofOfAWithdrawnConsentGoesSixYearsAfterTheWithdrawalUnlessAGrantCameAfterIt() {
        String withdrew = "subject-" + UUID.randomUUID();
        UUID granted = decision(withdrew, true, LocalDate.of(1980, 1, 10));
        UUID withdrawn = decision(withdrew, false, LocalDate.of(1982, 3, 10));
        String cameBack = "subject-" + UUID.randomUUID();
        decision(cameBack, false, LocalDate.of(1982, 3, 10));
        UUID grantedAgain = decision(cameBack, true, LocalDate.of(1983, 5, 1));

        retention.enforce(AdjustableClock.on(LocalDate.of(1988, 3, 9)));
        assertThat(exists(granted)).isTrue();
        assertThat(exists(withdrawn)).isTrue();

        assertThat(retention.enforce(AdjustableClock.on(LocalDate.of(1988, 3, 10)))).anySatisfy(logged -> {
            assertThat(logged.category()).isEqualTo("consent-proof");
            assertThat(logged.erased()).isGreaterThanOrEqualTo(2);
            assertThat(logged.rule()).isEqualTo("P6Y after WITHDRAWAL");
        });
        assertThat(exists(granted)).isFalse();
        assertThat(exists(withdrawn)).isFalse();
        assertThat(mongo.count(Query.query(Criteria.where("subjectId").is(cameBack)), "ledger")).isEqualTo(2);
        assertThat(exists(grantedAgain)).isTrue();
        mongo.remove(Query.query(Criteria.where("subjectId").is(cameBack)), "ledger");
    }

    @Test
    void theForecastIsForThePrivacyOfficerAndTheAdministratorOnly() {
        ServiceCalls calls = ServiceCalls.onPort(port);

        var answer = calls.get("/api/consents/retention/forecast?days=30", TestTokens.get().staff("PRIVACY_OFFICER"));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("categories")).extracting(node -> node.path("category").asString())
                .containsExactly("consent-proof");
        assertThat(calls.get("/api/consents/retention/forecast", TestTokens.get().staff("RECEPTION")).status())
                .isEqualTo(403);
        assertThat(calls.get("/api/consents/retention/forecast", null).status()).isEqualTo(401);
    }

    private UUID decision(String subjectId, boolean granted, LocalDate on) {
        UUID id = UUID.randomUUID();
        mongo.insert(new Document("_id", id).append("subjectId", subjectId).append("emailIndex", "index-" + subjectId)
                .append("purpose", "newsletter").append("granted", granted).append("policyVersion", "1")
                .append("recordedAt", Date.from(on.atTime(10, 0).atZone(CLINIC).toInstant())), "ledger");
        return id;
    }

    private boolean exists(UUID id) {
        return mongo.exists(Query.query(Criteria.where("_id").is(id)), "ledger");
    }
}
