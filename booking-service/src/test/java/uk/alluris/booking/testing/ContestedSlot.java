package uk.alluris.booking.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tools.jackson.databind.JsonNode;
import uk.alluris.testsupport.ServiceCalls;
import uk.alluris.testsupport.TestTokens;

/**
 * Ten callers book the same slot at the same moment, each for a client of their own: the statuses they get back. Used
 * on the embedded store and on real MongoDB alike.
 */
public final class ContestedSlot {

    public static final int CALLERS = 10;

    private ContestedSlot() {
    }

    public static List<Integer> bookedAtOnce(ServiceCalls calls) throws Exception {
        String reception = TestTokens.get().staff("RECEPTION");
        TestDiary diary = TestDiary.create(calls);
        JsonNode slot = diary.firstFreeSlot(diary.treatmentId(), Instant.now().plus(Duration.ofDays(1)));
        List<String> clients = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            clients.add(calls.post("/api/bookings/clients", """
                    {"fullName":"Contender %d","email":"contender-%d-%s@example.com","dateOfBirth":"1990-01-01"}
                    """.formatted(i, i, java.util.UUID.randomUUID()), reception).json().path("id").asString());
        }
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (String client : clients) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return calls.post("/api/bookings/appointments", """
                            {"clientId":"%s","treatmentId":"%s","practitionerId":"%s","start":"%s"}
                            """.formatted(client, diary.treatmentId(), diary.practitionerId(),
                            slot.path("start").asString()), reception).status();
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
