package uk.alluris.marketing.subscribers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import uk.alluris.testsupport.ServiceCalls;
import uk.alluris.testsupport.ServiceCalls.Answer;
import uk.alluris.testsupport.TestTokens;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesEmbeddedInfrastructure
class SubscriberApiIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;

    private final String admin = TestTokens.get().staff("ADMIN");

    @Test
    void aSubscriberIsAddedFoundByEmailAndSubscribingAgainMergesLists() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "sub-" + UUID.randomUUID() + "@example.com";

        Answer first = calls.post("/api/marketing/subscribers", """
                {"email":"%s","phone":"07911 123456","fullName":"Sam Reed","lists":["newsletter"],"source":"website"}
                """.formatted(email), admin);
        Answer again = calls.post("/api/marketing/subscribers", """
                {"email":"%s","lists":["offers"],"source":"clinic"}
                """.formatted(email.toUpperCase()), admin);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().path("phone").asString()).isEqualTo("+447911123456");
        assertThat(again.json().path("id").asString()).isEqualTo(first.json().path("id").asString());
        assertThat(calls.get("/api/marketing/subscribers/" + first.json().path("id").asString(), admin).json()
                .path("lists")).extracting(node -> node.asString()).containsExactly("newsletter", "offers");
        assertThat(calls.get("/api/marketing/subscribers?email=" + email, admin).json()).hasSize(1);
    }

    @Test
    void badInputIsA400ProblemAndStoresNothing() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        long before = mongo.getCollection("subscribers").countDocuments();

        List<Answer> answers = List.of(
                calls.post("/api/marketing/subscribers", "{\"email\":\"nope\",\"lists\":[\"a\"],\"source\":\"x\"}", admin),
                calls.post("/api/marketing/subscribers", "{\"email\":\"a@example.com\",\"lists\":[],\"source\":\"x\"}", admin),
                calls.post("/api/marketing/subscribers",
                        "{\"email\":\"a@example.com\",\"phone\":\"12\",\"lists\":[\"a\"],\"source\":\"x\"}", admin),
                calls.post("/api/marketing/subscribers", "{\"email\":\"a@example.com\",\"lists\":[\"a\"]}", admin),
                calls.get("/api/marketing/subscribers/not-a-uuid", admin));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.text()).isEqualTo(400);
            assertThat(answer.isProblem()).isTrue();
        });
        assertThat(mongo.getCollection("subscribers").countDocuments()).isEqualTo(before);
    }
}
