package uk.alluris.booking.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.messaging.Message;
import uk.alluris.booking.testing.TestDiary;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.events.ErasureRequested;
import uk.alluris.events.Outcome;
import uk.alluris.events.SubjectIdentifiers;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.kit.outbox.OutboxMessage;
import uk.alluris.kit.privacy.IssuedReceipt;
import uk.alluris.kit.privacy.PrivacyEffects;
import uk.alluris.testsupport.CrashDrill;
import uk.alluris.testsupport.ServiceCalls;
import uk.alluris.testsupport.TestTokens;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

/** Same context as the other booking integration tests: booking dies at each point of an erasure in turn. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesEmbeddedInfrastructure
class BookingCrashSafeReceiptsIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    BlindIndexer indexer;
    @Autowired
    MongoTemplate mongo;
    /** The kit's typed consumer of privacy.requests, as the binder hands it each message. */
    @Autowired
    @Qualifier("privacyRequests")
    Consumer<Message<byte[]>> privacyRequests;
    @Autowired
    PrivacyEffects effects;

    private final String reception = TestTokens.get().staff("RECEPTION");

    @Test
    void killedAtAnyPointOfAnErasureBookingStillSendsAReceiptOfEverythingTheClientHad() {
        List<String> points = CrashDrill.atEveryPoint(effects::onCheckpoint, this::clientWithAPastAndAFutureVisit);

        assertThat(points).contains("planned contact-profile", "planned future-appointments",
                "planned past-appointments-identity", "planned age-checks", "planned scheduled-messages", "acted",
                "receipt saved");
    }

    private CrashDrill.Attempt<List<CategoryOutcome>> clientWithAPastAndAFutureVisit() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        // 07911 125000-129999: valid UK mobiles, none of which another test registers
        String phone = "+44791112" + (5000 + ThreadLocalRandom.current().nextInt(5000));
        ServiceCalls.Answer registered = calls.post("/api/bookings/clients", """
                {"fullName":"Test Person","email":"crash-%s@example.com","phone":"%s","dateOfBirth":"1985-06-15"}
                """.formatted(UUID.randomUUID(), phone), reception);
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        String clientId = registered.json().path("id").asString();
        assertThat(calls.post("/api/bookings/appointments", """
                {"clientId":"%s","treatment":"Lip filler","practitioner":"Dr Alluris","start":"%s","notes":"first"}
                """.formatted(clientId, OffsetDateTime.now().minusDays(30)), reception).status()).isEqualTo(201);
        assertThat(TestDiary.create(calls).book(clientId, reception, null, Instant.now().plusSeconds(30 * 86400L),
                "follow-up").status()).isEqualTo(201);
        assertThat(calls.post("/api/bookings/clients/" + clientId + "/age-checks",
                "{\"documentType\":\"DRIVING_LICENCE\"}", reception).status()).isEqualTo(201);
        ErasureRequested erasure = new ErasureRequested(UUID.randomUUID(), UUID.randomUUID(),
                new SubjectIdentifiers(List.of(), List.of(), List.of(indexer.phone(phone))),
                LocalDate.now().plusDays(30), Instant.now());
        return new CrashDrill.Attempt<>() {
            @Override
            public void deliver() {
                privacyRequests.accept(OutboxMessage.of(erasure).toMessage("/alluris/rights-request-service"));
            }

            @Override
            public List<CategoryOutcome> receipt() {
                List<CategoryOutcome> categories = mongo.findById(erasure.requestId(), IssuedReceipt.class).categories();
                assertThat(categories).contains(CategoryOutcome.of("contact-profile", Outcome.ERASED, 1),
                        CategoryOutcome.of("future-appointments", Outcome.ERASED, 1),
                        CategoryOutcome.of("past-appointments-identity", Outcome.ERASED, 1),
                        CategoryOutcome.of("age-checks", Outcome.ERASED, 1));
                return categories;
            }
        };
    }
}
