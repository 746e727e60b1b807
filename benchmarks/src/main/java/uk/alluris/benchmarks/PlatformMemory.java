package uk.alluris.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The platform's resident memory: VmRSS of each of its processes from /proc, summed. */
final class PlatformMemory {

    private static final Pattern VM_RSS = Pattern.compile("^VmRSS:\\s+(\\d+)\\s+kB", Pattern.MULTILINE);

    private PlatformMemory() {
    }

    /** The sum in MiB over the processes that still run; NaN when none could be read (not Linux, no process ids). */
    static double residentMiB(List<Long> processIds) {
        long kib = 0;
        int read = 0;
        for (long pid : processIds) {
            Path status = Path.of("/proc", String.valueOf(pid), "status");
            try {
                kib += residentKiB(Files.readString(status));
                read++;
            } catch (IOException gone) {
                // a part that has stopped holds no memory
            }
        }
        return read == 0 ? Double.NaN : kib / 1024.0;
    }

    /** VmRSS from the text of /proc/PID/status. */
    static long residentKiB(String procStatus) {
        Matcher rss = VM_RSS.matcher(procStatus);
        if (!rss.find()) {
            throw new IllegalArgumentException("no VmRSS line in the process status");
        }
        return Long.parseLong(rss.group(1));
    }
}
