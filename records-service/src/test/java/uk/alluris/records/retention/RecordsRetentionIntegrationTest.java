package uk.alluris.records.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import uk.alluris.kit.retention.RetentionEnforcement;
import uk.alluris.kit.retention.RetentionForecast;
import uk.alluris.kit.retention.RetentionLog;
import uk.alluris.records.audit.AuditedRead;
import uk.alluris.testsupport.AdjustableClock;
import uk.alluris.testsupport.ServiceCalls;
import uk.alluris.testsupport.ServiceIntegrationTest;
import uk.alluris.testsupport.TestTokens;

/**
 * The register's records categories ended by the kit's retention job, with a clock of the test's own: records last
 * written to long ago (so nothing else in the store is due with them), kept on their last day, gone the day after.
 */
@ServiceIntegrationTest
class RecordsRetentionIntegrationTest {

    private static final ZoneId CLINIC = ZoneId.of("Europe/London");

    @LocalServerPort
    int port;
    @Autowired
    RetentionEnforcement retention;
    @Autowired
    RetentionLog retentionLog;
    @Autowired
    MongoTemplate mongo;

    private final String clinician = TestTokens.get().staff("CLINICIAN");

    @Test
    void clinicalRecordsNobodyAskedAboutAreShreddedTheDayAfterTheirRetentionDateAndNotBefore() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        OffsetDateTime lastVisit = OffsetDateTime.now(ZoneOffset.UTC).minusYears(30).minusDays(3);
        String entry = entry(calls, "long-ago-" + UUID.randomUUID() + "@example.com", lastVisit);
        LocalDate lastDay = lastVisit.atZoneSameInstant(CLINIC).toLocalDate().plusYears(8);

        RetentionForecast soon = retention.forecast(AdjustableClock.on(lastDay.minusDays(9)), 30);
        assertThat(soon.categories()).anySatisfy(category -> {
            assertThat(category.category()).isEqualTo("clinical-records");
            assertThat(category.count()).isPositive();
            assertThat(category.earliest()).isEqualTo(lastDay.plusDays(1));
        });

        retention.enforce(AdjustableClock.on(lastDay));
        assertThat(calls.get("/api/records/entries/" + entry, clinician).status()).isEqualTo(200);

        assertThat(retention.enforce(AdjustableClock.on(lastDay.plusDays(1)))).anySatisfy(logged -> {
            assertThat(logged.category()).isEqualTo("clinical-records");
            assertThat(logged.asOf()).isEqualTo(lastDay.plusDays(1));
        });
        assertThat(calls.get("/api/records/entries/" + entry, clinician).status()).isEqualTo(404);
        assertThat(retentionLog.latest("clinical-records", 5))
                .anySatisfy(logged -> assertThat(logged.rule()).isEqualTo("P8Y after LAST_ENTRY"));
    }

    @Test
    void aReadAuditEndsEightYearsAfterTheReadOnThatDayAndNotTheDayBefore() {
        LocalDate readOn = LocalDate.now(CLINIC).minusYears(31);
        UUID read = UUID.randomUUID();
        mongo.insert(new AuditedRead(read, UUID.randomUUID().toString(), null, "clinician", "follow-up",
                readOn.atTime(15, 0).atZone(CLINIC).toInstant(), "entry"));
        LocalDate endDate = readOn.plusYears(8);

        retention.enforce(AdjustableClock.on(endDate.minusDays(1)));
        assertThat(mongo.exists(Query.query(Criteria.where("_id").is(read)), AuditedRead.class)).isTrue();

        assertThat(retention.enforce(AdjustableClock.on(endDate)))
                .anySatisfy(logged -> assertThat(logged.category()).isEqualTo("read-audits"));
        assertThat(mongo.exists(Query.query(Criteria.where("_id").is(read)), AuditedRead.class)).isFalse();
    }

    @Test
    void onlyThePrivacyOfficerAndTheAdministratorSeeTheForecastAndItNamesNobody() {
        ServiceCalls calls = ServiceCalls.onPort(port);

        var answer = calls.get("/api/records/retention/forecast?days=30", TestTokens.get().staff("PRIVACY_OFFICER"));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("service").asString()).isEqualTo("records-service");
        assertThat(answer.json().path("categories")).extracting(node -> node.path("category").asString())
                .containsExactlyInAnyOrder("clinical-records", "read-audits");
        assertThat(answer.json().path("categories")).allSatisfy(node -> assertThat(node.path("enforced").asBoolean()).isTrue());
        assertThat(calls.get("/api/records/retention/forecast", TestTokens.get().staff("ADMIN")).status()).isEqualTo(200);
        assertThat(calls.get("/api/records/retention/forecast", clinician).status()).isEqualTo(403);
        var tooFar = calls.get("/api/records/retention/forecast?days=400", TestTokens.get().staff("ADMIN"));
        assertThat(tooFar.status()).isEqualTo(400);
        assertThat(tooFar.text()).contains("days must be between 1 and 366");
    }

    private String entry(ServiceCalls calls, String email, OffsetDateTime at) {
        var answer = calls.post("/api/records/entries", """
                {"email":"%s","dateOfBirth":"1960-02-02","kind":"CONSULTATION","recordedAt":"%s",
                 "fields":{"product":"Juvederm","dose":"1ml"},"notes":"long ago"}
                """.formatted(email, at), clinician);
        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        return answer.json().path("id").asString();
    }
}
