package uk.alluris.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs every benchmark against a running platform and writes the results under {@code benchmarks/results/}.
 * <pre>
 *   ./run start
 *   ./mvnw -B -q -pl benchmarks -am package -DskipTests
 *   java -jar benchmarks/target/benchmarks-exec.jar [--quick] [--people 1000] [--large-people 5000] ...
 * </pre>
 * The order: seed, front door (wrk: direct, nginx, gateway), the burst fan-out of N, the Kafka floor, the closed loop
 * at each concurrency, the heavy person's access bundle (after the fan-out has grown every collection), the second
 * fan-out of M people (unless skipped), and last the platform's resident memory. {@code --cpu-per-erasure N} runs
 * only the CPU an erasure costs per process ({@link CpuPerErasure}), from the directory where ./run started.
 */
public final class Benchmarks {

    private static final int CPU_WARM_UP = 20;
    private static final int CPU_CONCURRENCY = 8;
    private static final Duration CPU_IDLE = Duration.ofSeconds(15);

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
        StaffTokens staff = new StaffTokens(http, target);
        String run = UUID.randomUUID().toString().substring(0, 8);
        if (settings.cpuErasures() > 0) {
            return cpuPerErasure(report, staff, run);
        }
        int loopPeople = settings.closedLoopRequests() * Settings.CLOSED_LOOP_CONCURRENCIES.size();

        log("seeding %d + %d people in all four services (concurrency %d) ...", settings.people(), loopPeople,
                settings.concurrency());
        List<Seeding.Person> people = seed(run, settings.people(), staff);
        List<Seeding.Person> loop = seed(run + "-loop", loopPeople, staff);
        String profile = seed(run + "-gw", 1, staff).get(0).clientId();

        log("front door: wrk, %d s per route, %d connections ...", settings.gatewayPhase().toSeconds(),
                settings.gatewayConcurrency());
        report.frontDoor(new FrontDoor(target).run(profile, staff.reception(), (int) settings.gatewayPhase().toSeconds(),
                settings.gatewayConcurrency()));

        log("erasure fan-out: %d requests at concurrency %d ...", people.size(), settings.concurrency());
        report.fanOut("erasuresPerSecond", new ErasureFanOut(http, target).run(people, settings.concurrency(),
                staff::officer, Duration.ofMinutes(10)));
        log("kafka floor: %d round trips ...", settings.floorRoundTrips());
        report.kafkaFloor(new KafkaFloor(target.kafkaBootstrapServers()).run(settings.floorRoundTrips()));

        Map<Integer, Latencies> closedLoop = new LinkedHashMap<>();
        int from = 0;
        for (int concurrency : Settings.CLOSED_LOOP_CONCURRENCIES) {
            log("closed loop: %d requests at concurrency %d ...", settings.closedLoopRequests(), concurrency);
            closedLoop.put(concurrency, new ClosedLoop(http, target).run(loop.subList(from,
                    from + settings.closedLoopRequests()), concurrency, staff.officer(), Duration.ofMinutes(2)));
            from += settings.closedLoopRequests();
        }
        report.closedLoop(closedLoop);

        log("access bundle: %d heavy people ...", settings.accessPeople());
        report.accessExport(new AccessExport(http, target).run(settings.accessPeople(), run, staff.reception(),
                staff.clinician(), staff.admin(), staff.officer(), Duration.ofMinutes(2)));

        if (settings.largePeople() > 0) {
            log("second fan-out: seeding %d people, then erasing them ...", settings.largePeople());
            List<Seeding.Person> many = seed(run + "-large", settings.largePeople(), staff);
            report.fanOut("erasuresPerSecondAt5000", new ErasureFanOut(http, target).run(many, settings.concurrency(),
                    staff::officer, Duration.ofMinutes(30)));
        } else {
            report.notMeasured("erasuresPerSecondAt5000", "the second fan-out was skipped (--quick or --large-people 0)");
        }
        report.memory(PlatformMemory.perProcess(target.platformProcessIds()));
        return report.write();
    }

    /** Only the CPU an erasure costs (--cpu-per-erasure N): seed, warm up, idle, erase N, read /proc. */
    private String cpuPerErasure(Report report, StaffTokens staff, String run) throws IOException {
        PlatformCpu cpu = PlatformCpu.ofRun(Path.of("data", "pids"));
        if (cpu.isEmpty()) {
            throw new IllegalStateException("no process ids in data/pids: run the harness from the directory where "
                    + "./run started the platform");
        }
        log("cpu per erasure: seeding %d + %d people ...", CPU_WARM_UP, settings.cpuErasures());
        List<Seeding.Person> warmUp = seed(run + "-warm", CPU_WARM_UP, staff);
        List<Seeding.Person> people = seed(run + "-cpu", settings.cpuErasures(), staff);
        log("cpu per erasure: warm-up, %d s idle, then %d erasures at concurrency %d ...", CPU_IDLE.toSeconds(),
                people.size(), CPU_CONCURRENCY);
        report.cpuPerErasure(new CpuPerErasure(new ErasureFanOut(http, target), cpu).run(warmUp, people,
                CPU_CONCURRENCY, staff::officer, CPU_IDLE), CPU_CONCURRENCY);
        return report.write();
    }

    private List<Seeding.Person> seed(String run, int people, StaffTokens staff) {
        return new Seeding(http, target, run).seed(people, settings.concurrency(), staff);
    }

    private static void log(String format, Object... args) {
        System.err.println("[benchmarks] " + String.format(format, args));
    }
}
