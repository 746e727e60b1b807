package uk.alluris.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The platform's meters as listed in {@code deploy/observability/meters.txt}: what alert rules and the dashboard may
 * use, and what each part's contract test finds in its own scrape.
 */
public final class PlatformMeters {

    /** A sample name, the parts that expose it ("*" for all), and whether it appears only once something is counted. */
    public record Meter(String name, Set<String> parts, boolean onlyOnceCounted) {

        public boolean exposedBy(String part) {
            return parts.contains("*") || parts.contains(part);
        }
    }

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private PlatformMeters() {
    }

    /** The deploy/observability directory of this checkout, found from the module's directory upwards. */
    public static Path directory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("deploy/observability");
            if (Files.isRegularFile(candidate.resolve("meters.txt"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no deploy/observability/meters.txt above " + Path.of("").toAbsolutePath());
    }

    public static List<Meter> all() {
        try {
            return Files.readAllLines(directory().resolve("meters.txt")).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> {
                        String[] parts = SPACES.split(line);
                        return new Meter(parts[0], Arrays.stream(parts[1].split(",")).collect(Collectors.toSet()),
                                parts.length > 2 && "?".equals(parts[2]));
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample names a part must expose as soon as it has started. */
    public static List<String> exposedAtStartBy(String part) {
        return all().stream().filter(meter -> meter.exposedBy(part) && !meter.onlyOnceCounted())
                .map(Meter::name).toList();
    }
}
