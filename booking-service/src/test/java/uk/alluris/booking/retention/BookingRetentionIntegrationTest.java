package uk.alluris.booking.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
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
import org.springframework.data.mongodb.core.query.Update;
import uk.alluris.booking.BookingTestInfrastructure;
import uk.alluris.kit.retention.RetentionEnforcement;
import uk.alluris.testsupport.AdjustableClock;
import uk.alluris.testsupport.ServiceCalls;
import uk.alluris.testsupport.ServiceIntegrationTest;
import uk.alluris.testsupport.TestTokens;

/**
 * Booking's categories of the register ended by the kit's retention job, on a clock of the test's own. Every record
 * here is dated decades back, so that nothing else in the store is due with it; the end dates come from the register.
 */
@ServiceIntegrationTest
class BookingRetentionIntegrationTest {

    private static final ZoneId CLINIC = ZoneId.of("Europe/London");

    @LocalServerPort
    int port;
    @Autowired
    RetentionEnforcement retention;
    @Autowired
    MongoTemplate mongo;

    @Test
    void aPaymentEndsSixYearsAfterTheEndOfItsFinancialYearOnThatDayAndNotTheDayBefore() {
        Object lastDayOfTheYear = stamped("payments", "recordedAt", LocalDate.of(1994, 4, 5), null);
        Object firstDayOfTheNext = stamped("payments", "recordedAt", LocalDate.of(1994, 4, 6), null);
        Object deposit = stamped("deposits", "recordedAt", LocalDate.of(1993, 11, 30), null);

        retention.enforce(AdjustableClock.on(LocalDate.of(2000, 4, 4)));
        assertThat(exists("payments", lastDayOfTheYear)).isTrue();
        assertThat(exists("deposits", deposit)).isTrue();

        assertThat(retention.enforce(AdjustableClock.on(LocalDate.of(2000, 4, 5)))).anySatisfy(logged -> {
            assertThat(logged.category()).isEqualTo("payments");
            assertThat(logged.erased()).isGreaterThanOrEqualTo(2);
            assertThat(logged.rule()).isEqualTo("P6Y after END_OF_FINANCIAL_YEAR");
        });
        assertThat(exists("payments", lastDayOfTheYear)).isFalse();
        assertThat(exists("deposits", deposit)).isFalse();
        assertThat(exists("payments", firstDayOfTheNext)).isTrue();
        mongo.remove(Query.query(Criteria.where("_id").is(firstDayOfTheNext)), "payments");
    }

    @Test
    void aSentMessageLeavesTheLogAYearAfterItWasDueAndNotTheDayBefore() {
        Object sent = stamped("scheduled_messages", "dueAt", LocalDate.of(1991, 3, 1), "SENT");

        retention.enforce(AdjustableClock.on(LocalDate.of(1992, 2, 29)));
        assertThat(exists("scheduled_messages", sent)).isTrue();

        assertThat(retention.enforce(AdjustableClock.on(LocalDate.of(1992, 3, 1))))
                .anySatisfy(logged -> assertThat(logged.category()).isEqualTo("message-logs"));
        assertThat(exists("scheduled_messages", sent)).isFalse();
    }

    @Test
    void anInactiveClientIsMailedOnceThirtyDaysBeforeTheirProfileIsErasedOnItsDay() {
        String email = "inactive-" + UUID.randomUUID() + "@example.com";
        UUID client = UUID.fromString(ServiceCalls.onPort(port).post("/api/bookings/clients", """
                {"fullName":"Ina Ctive","email":"%s","phone":"07911 200299","dateOfBirth":"1970-02-03"}
                """.formatted(email), TestTokens.get().staff("RECEPTION")).json().path("id").asString());
        LocalDate registered = LocalDate.of(1985, 6, 10);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(client)),
                Update.update("registeredAt", registered.atTime(11, 0).atZone(CLINIC).toInstant()), "clients");
        // her last visit, a year later, is what her period runs from
        UUID visit = UUID.randomUUID();
        LocalDate lastVisit = LocalDate.of(1986, 6, 10);
        mongo.insert(new Document("_id", visit).append("clientId", client).append("status", "COMPLETED")
                .append("treatment", "Consultation").append("notes", "first visit")
                .append("start", Date.from(lastVisit.atTime(10, 0).atZone(CLINIC).toInstant()))
                .append("end", Date.from(lastVisit.atTime(10, 30).atZone(CLINIC).toInstant())), "appointments");
        LocalDate endsOn = lastVisit.plusYears(3);

        retention.enforce(AdjustableClock.on(endsOn.minusDays(31)));
        assertThat(noticesTo(client)).isZero();

        retention.enforce(AdjustableClock.on(endsOn.minusDays(30)));
        await().atMost(Duration.ofSeconds(20)).until(() -> !BookingTestInfrastructure.mailTo(email).isEmpty());
        assertThat(BookingTestInfrastructure.subject(BookingTestInfrastructure.mailTo(email).get(0)))
                .isEqualTo("Your details will be erased on 10 June 1989");
        assertThat(BookingTestInfrastructure.text(BookingTestInfrastructure.mailTo(email).get(0)))
                .contains("Dear Ina Ctive", "book an appointment");

        retention.enforce(AdjustableClock.on(endsOn.minusDays(1)));
        assertThat(noticesTo(client)).isEqualTo(1);
        assertThat(exists("clients", client)).isTrue();

        assertThat(retention.enforce(AdjustableClock.on(endsOn))).extracting(logged -> logged.category())
                .contains("appointments", "client-profiles");
        assertThat(exists("clients", client)).isFalse();
        // the past appointment stays, without identity, as an erasure request leaves it
        Document kept = mongo.findById(visit, Document.class, "appointments");
        assertThat(kept).isNotNull();
        assertThat(kept.get("clientId")).isNull();
        assertThat(kept.get("notes")).isNull();
        assertThat(BookingTestInfrastructure.mailTo(email)).hasSize(1);
    }

    @Test
    void theForecastCountsWhatTheNextDaysEndAndOnlyThePrivacyOfficerOrAdministratorSeesIt() {
        Object payment = stamped("payments", "recordedAt", LocalDate.of(1970, 1, 10), null);

        var forecast = retention.forecast(AdjustableClock.on(LocalDate.of(1976, 3, 20)), 30);
        assertThat(forecast.categories()).anySatisfy(category -> {
            assertThat(category.category()).isEqualTo("payments");
            assertThat(category.count()).isPositive();
            assertThat(category.earliest()).isEqualTo(LocalDate.of(1976, 4, 5));
        });
        assertThat(retention.forecast(AdjustableClock.on(LocalDate.of(1976, 3, 5)), 30).categories())
                .anySatisfy(category -> {
                    assertThat(category.category()).isEqualTo("payments");
                    assertThat(category.count()).isZero();
                });

        ServiceCalls calls = ServiceCalls.onPort(port);
        var answer = calls.get("/api/bookings/retention/forecast?days=30", TestTokens.get().staff("PRIVACY_OFFICER"));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("categories")).extracting(node -> node.path("category").asString())
                .containsExactly("appointments", "client-profiles", "message-logs", "payments");
        assertThat(answer.json().path("categories"))
                .allSatisfy(node -> assertThat(node.path("enforced").asBoolean()).isTrue());
        assertThat(calls.get("/api/bookings/retention/forecast", TestTokens.get().staff("RECEPTION")).status())
                .isEqualTo(403);
        assertThat(calls.get("/api/bookings/retention/forecast?days=0", TestTokens.get().staff("ADMIN")).status())
                .isEqualTo(400);
        mongo.remove(Query.query(Criteria.where("_id").is(payment)), "payments");
    }

    /** A record of the collection's own id type (a message's key is text), stamped on {@code day}. */
    private Object stamped(String collection, String field, LocalDate day, String status) {
        Object id = collection.equals("scheduled_messages") ? "retention-test-" + UUID.randomUUID() : UUID.randomUUID();
        Document document = new Document("_id", id).append(field, Date.from(day.atTime(12, 0).atZone(CLINIC).toInstant()));
        if (status != null) {
            document.append("status", status);
        }
        mongo.insert(document, collection);
        return id;
    }

    private boolean exists(String collection, Object id) {
        return mongo.exists(Query.query(Criteria.where("_id").is(id)), collection);
    }

    private long noticesTo(UUID client) {
        return mongo.count(Query.query(Criteria.where("clientId").is(client).and("kind").is("RETENTION_NOTICE")),
                "scheduled_messages");
    }
}
