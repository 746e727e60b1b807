package uk.alluris.benchmarks;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Runs every benchmark against a running platform and writes the results under {@code benchmarks/results/}.
 * <pre>
 *   ./run start
 *   ./mvnw -B -q -pl benchmarks -am package -DskipTests
 *   java -jar benchmarks/target/benchmarks-exec.jar [--people 1000] [--concurrency 32] [--gateway-seconds 30]
 * </pre>
 */
public final class Benchmarks {

    private final Target target;
    private final Settings settings;
    private final Http http = new Http();

    public Benchmarks(Target target, Settings settings) {
        this.target = target;
        this.settings = settings;
    }

    public static void main(String[] args) throws IOException {
        System.out.println(new Benchmarks(Target.embeddedDefault(), Settings.parse(args)).run());
    }

    /** Runs everything and returns the Markdown report (also written to the results directory). */
    public String run() throws IOException {
        Report report = new Report(settings);
        String reception = http.staffToken(target, "reception@alluris.local");
        String clinician = http.staffToken(target, "clinician@alluris.local");
        String admin = http.staffToken(target, "admin@alluris.local");
        String officer = http.staffToken(target, "privacy@alluris.local");
        String run = UUID.randomUUID().toString().substring(0, 8);

        log("seeding %d people in all four services (concurrency %d) ...", settings.people(), settings.concurrency());
        List<Seeding.Person> people = new Seeding(http, target, run).seed(settings.people(), settings.concurrency(),
                reception, clinician, admin);
        String profile = new Seeding(http, target, run + "-gw").seed(1, 1, reception, clinician, admin).get(0).clientId();

        log("gateway cost: %d s per route at concurrency %d ...", settings.gatewayPhase().toSeconds(),
                settings.gatewayConcurrency());
        GatewayCost.Result gateway = new GatewayCost(http, target).run(profile, reception, settings.gatewayPhase(),
                settings.gatewayConcurrency());

        log("erasure fan-out: %d requests at concurrency %d ...", people.size(), settings.concurrency());
        ErasureFanOut.Result fanOut = new ErasureFanOut(http, target).run(people, settings.concurrency(), officer,
                Duration.ofMinutes(10));
        log("kafka floor: %d round trips ...", settings.floorRoundTrips());
        Latencies floor = new KafkaFloor(target.kafkaBootstrapServers()).run(settings.floorRoundTrips());

        report.fanOut(fanOut, floor);
        report.gateway(gateway);
        log("access export: %d heavy people ...", settings.accessPeople());
        AccessExport.Result access = new AccessExport(http, target).run(settings.accessPeople(), run, reception,
                clinician, admin, officer, Duration.ofMinutes(2));
        report.accessExport(access);
        report.targets();
        return report.write();
    }

    private static void log(String format, Object... args) {
        System.err.println("[benchmarks] " + String.format(format, args));
    }
}
