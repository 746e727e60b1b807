package uk.alluris.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fault injection (issue 18.7) on the packaged platform: erasure and access requests while a data service, and once
 * the broker, are killed with SIGKILL and started again. In CI a short run: 24 requests, booking-service killed once,
 * then the broker once. The long run is a command (docs/reliability.md, "Fault runs"):
 * {@code -Dalluris.fault.requests=200 -Dalluris.fault.kills=4}; it kills the four data services in turn, the broker
 * once halfway, and writes its figures to docs/reliability.md.
 */
class FaultSystemTest {

    private static final int REQUESTS = Integer.getInteger("alluris.fault.requests", 24);
    private static final int KILLS = Integer.getInteger("alluris.fault.kills", 1);
    private static final boolean LONG = System.getProperty("alluris.fault.requests") != null;
    private static final List<String> VICTIMS = List.of("booking-service", "records-service", "consent-service",
            "marketing-service");

    @Test
    void requestsFiledWhileADataServiceAndTheBrokerAreKilledAllCompleteOnceWithReceiptsEqualToTheData() throws Exception {
        List<FaultRun.Kill> kills = new ArrayList<>();
        // the services' kills and one of the broker (halfway through them), spread over the run after the two controls
        int all = KILLS + 1;
        for (int k = 0, service = 0; k < all; k++) {
            String part = k == all / 2 ? RunningPlatform.BROKER : VICTIMS.get(service++ % VICTIMS.size());
            kills.add(new FaultRun.Kill(part, 2 + (k + 1) * (REQUESTS - 2) / (all + 2)));
        }
        FaultRun.Figures figures = new FaultRun(new Journey()).run(REQUESTS, kills,
                Duration.ofSeconds(120 + REQUESTS / 2));
        System.out.println("FaultSystemTest: " + figures);
        if (LONG) {
            record(figures);
        }

        assertThat(figures.faults()).isEmpty();
        assertThat(figures.lost()).isZero();
        assertThat(figures.doubled()).isZero();
        assertThat(figures.receiptsUnequal()).isZero();
        assertThat(figures.killed()).hasSize(KILLS + 1).contains(RunningPlatform.BROKER);
    }

    /** Adds a row to the "Fault runs" table of docs/reliability.md (creating the section, or the file, if missing). */
    private static void record(FaultRun.Figures f) throws IOException {
        Path doc = Path.of(System.getProperty("user.dir")).getParent().resolve("docs").resolve("reliability.md");
        String section = """
                ## Fault runs

                Written by the long fault run (`FaultSystemTest` with `-Dalluris.fault.requests=N -Dalluris.fault.kills=K`,
                see docs/testing.md). Each row: people seeded with the same data in every data-holding service file
                erasure and access requests while data services are killed with SIGKILL (`kill -9`) and started again;
                *lost* = requests that never completed, *doubled* = a service answering one request twice in its
                evidence, *unequal* = a receipt that did not count what the person held (a control request's receipt).

                | when (UTC) | requests (erasure / access) | killed | lost | doubled | unequal | settled after the last restart | whole run |
                |---|---|---|---|---|---|---|---|
                """;
        String row = "| %s | %d (%d / %d) | %s | %d | %d | %d | %d s | %d s |%n".formatted(
                ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")), f.requests(),
                f.erasures(), f.accesses(), String.join(", ", f.killed()), f.lost(), f.doubled(), f.receiptsUnequal(),
                f.settled().toSeconds(), f.elapsed().toSeconds());
        String text = Files.exists(doc) ? Files.readString(doc) : "# Reliability\n\n";
        if (!text.contains("## Fault runs")) {
            text = text.stripTrailing() + "\n\n" + section;
        }
        int table = text.indexOf("|---|", text.indexOf("## Fault runs"));
        int afterHeader = text.indexOf('\n', table) + 1;
        text = text.substring(0, afterHeader) + row + text.substring(afterHeader);
        Files.writeString(doc, text);
    }
}
