package uk.alluris.booking.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import uk.alluris.booking.BookingTestInfrastructure;
import uk.alluris.events.PolicyVersionPublished;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.kit.register.PolicyNoticeClaims;
import uk.alluris.testsupport.PrivacyRequestProbe;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

/**
 * A material change to the privacy policy, announced by consent-service on consent.events, is mailed once to every
 * client with an account (GreenMail); a change that is not material is mailed to nobody; a second announcement of
 * the same version tells nobody twice.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesEmbeddedInfrastructure
class PolicyChangeNoticesIntegrationTest {

    @Autowired
    Clients clients;
    @Autowired
    BlindIndexer indexer;
    @Autowired
    MongoTemplate mongo;

    @Test
    void aMaterialChangeIsMailedOnceToEveryClientAndAChangeThatIsNotMaterialToNobody() throws Exception {
        String email = "policy-" + UUID.randomUUID() + "@example.com";
        clients.save(Client.register("Pat Policy", email, null, LocalDate.of(1990, 5, 1), indexer.email(email), null,
                false, Instant.now()));
        long withAddress = clients.findAll().stream().filter(client -> client.email() != null).count();
        String version = "t-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate effective = LocalDate.now().plusDays(30);

        try (PrivacyRequestProbe probe = new PrivacyRequestProbe()) {
            // one version, so one partition: the three arrive in this order
            probe.publish(new PolicyVersionPublished(UUID.randomUUID(), version, effective, false, "Typo fixed.", Instant.now()));
            probe.publish(new PolicyVersionPublished(UUID.randomUUID(), version, effective, true,
                    "We now keep complaints for six years.", Instant.now()));
            probe.publish(new PolicyVersionPublished(UUID.randomUUID(), version, effective, true,
                    "We now keep complaints for six years.", Instant.now()));
        }

        Query told = Query.query(where("_id").regex("^" + version + "/"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mongo.count(told, PolicyNoticeClaims.Notice.class) >= withAddress);
        await().atMost(Duration.ofSeconds(10)).until(() -> !BookingTestInfrastructure.mailTo(email).isEmpty());
        assertThat(BookingTestInfrastructure.mailTo(email)).hasSize(1);
        String text = BookingTestInfrastructure.text(BookingTestInfrastructure.mailTo(email).get(0)).replaceAll("\\s+", " ");
        assertThat(text).contains(version).contains("We now keep complaints for six years").doesNotContain("Typo")
                .contains("ico.org.uk");
        assertThat(mongo.count(told, PolicyNoticeClaims.Notice.class)).isEqualTo(withAddress);
    }
}
