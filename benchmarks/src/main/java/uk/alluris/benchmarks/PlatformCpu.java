package uk.alluris.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The CPU time each part of the platform has used: utime + stime of its process from {@code /proc/<pid>/stat}, in
 * milliseconds, by the part's name ({@code data/pids/<part>.pid}, as ./run records them). CPU time, unlike wall time,
 * says what a piece of work costs on a machine others share.
 */
final class PlatformCpu {

    /** USER_HZ: the unit of utime and stime; 100 on every Linux the platform runs on. */
    static final int TICKS_PER_SECOND = 100;

    private final Map<String, Long> parts;

    PlatformCpu(Map<String, Long> parts) {
        this.parts = Map.copyOf(parts);
    }

    /** The parts ./run started here, by the names of their pid files. */
    static PlatformCpu ofRun(Path pids) {
        Map<String, Long> parts = new TreeMap<>();
        if (Files.isDirectory(pids)) {
            try (Stream<Path> files = Files.list(pids)) {
                files.filter(f -> f.getFileName().toString().endsWith(".pid")).forEach(f -> {
                    try {
                        parts.put(f.getFileName().toString().replace(".pid", ""),
                                Long.parseLong(Files.readString(f).strip()));
                    } catch (IOException | NumberFormatException unreadable) {
                        // a part whose pid file cannot be read is not measured
                    }
                });
            } catch (IOException e) {
                return new PlatformCpu(Map.of());
            }
        }
        return new PlatformCpu(parts);
    }

    boolean isEmpty() {
        return parts.isEmpty();
    }

    /** Each running part's CPU time so far, in ms; a part that has stopped is left out. */
    Map<String, Long> sample() {
        Map<String, Long> used = new TreeMap<>();
        parts.forEach((part, pid) -> {
            try {
                used.put(part, cpuMillis(Files.readString(Path.of("/proc", String.valueOf(pid), "stat"))));
            } catch (IOException gone) {
                // stopped: nothing to count
            }
        });
        return used;
    }

    /**
     * utime + stime in ms from the text of /proc/PID/stat. The command name (field 2) is in parentheses and may hold
     * spaces, so the fields are counted from the last ')': utime and stime are fields 14 and 15.
     */
    static long cpuMillis(String procStat) {
        int close = procStat.lastIndexOf(')');
        if (close < 0) {
            throw new IllegalArgumentException("not a /proc/PID/stat line");
        }
        String[] after = procStat.substring(close + 2).strip().split("\\s+");
        // after[0] is field 3 (state), so field n is after[n - 3]
        long ticks = Long.parseLong(after[14 - 3]) + Long.parseLong(after[15 - 3]);
        return ticks * 1000 / TICKS_PER_SECOND;
    }
}
