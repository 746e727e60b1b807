package uk.alluris.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The platform's resident memory: VmRSS of each of its processes from /proc, per process and summed. */
final class PlatformMemory {

    private static final Pattern VM_RSS = Pattern.compile("^VmRSS:\\s+(\\d+)\\s+kB", Pattern.MULTILINE);

    /** One process still running: its id, what it runs (from its command line) and its resident memory. */
    record Resident(long pid, String name, double mib) {
    }

    private PlatformMemory() {
    }

    /** The sum in MiB over the processes that still run; NaN when none could be read (not Linux, no process ids). */
    static double residentMiB(List<Long> processIds) {
        List<Resident> each = perProcess(processIds);
        return each.isEmpty() ? Double.NaN : each.stream().mapToDouble(Resident::mib).sum();
    }

    /** Each process that still runs, once (an id listed twice is counted once), in the order given. */
    static List<Resident> perProcess(List<Long> processIds) {
        List<Resident> each = new ArrayList<>();
        for (long pid : processIds.stream().distinct().toList()) {
            Path proc = Path.of("/proc", String.valueOf(pid));
            try {
                long kib = residentKiB(Files.readString(proc.resolve("status")));
                String name = nameOf(new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8));
                each.add(new Resident(pid, name, kib / 1024.0));
            } catch (IOException gone) {
                // a part that has stopped holds no memory
            }
        }
        return each;
    }

    /** VmRSS from the text of /proc/PID/status. */
    static long residentKiB(String procStatus) {
        Matcher rss = VM_RSS.matcher(procStatus);
        if (!rss.find()) {
            throw new IllegalArgumentException("no VmRSS line in the process status");
        }
        return Long.parseLong(rss.group(1));
    }

    /**
     * What a JVM runs, from /proc/PID/cmdline (arguments separated by NUL): the jar's name without {@code .jar}
     * ({@code -jar booking-service/target/booking-service.jar} → booking-service), else the main class's simple name
     * ({@code uk.alluris.local.MongoStore} → MongoStore), else the program.
     */
    static String nameOf(String cmdline) {
        String[] args = cmdline.split("\0");
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-jar") && i + 1 < args.length) {
                String jar = Path.of(args[i + 1]).getFileName().toString();
                return jar.endsWith(".jar") ? jar.substring(0, jar.length() - 4) : jar;
            }
            if (arg.equals("-cp") || arg.equals("-classpath") || arg.equals("--class-path")) {
                i++;
            } else if (!arg.startsWith("-")) {
                return arg.substring(arg.lastIndexOf('.') + 1);
            }
        }
        return args.length == 0 || args[0].isEmpty() ? "?" : Path.of(args[0]).getFileName().toString();
    }
}
