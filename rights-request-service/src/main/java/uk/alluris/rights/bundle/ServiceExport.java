package uk.alluris.rights.bundle;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;
import uk.alluris.events.CategoryOutcome;

/**
 * One service's part of a bundle, opened: its receipt's lines and, when it sent one, its export document
 * ({@code alluris-export/v1}).
 *
 * @param file the bundle entry holding the export, or {@code null} when the service sent none
 */
record ServiceExport(String service, String file, Instant answeredAt, List<CategoryOutcome> categories,
        JsonNode export) {

    /** The records the export carries for one category (an empty array when none). */
    List<JsonNode> records(String category) {
        if (export == null) {
            return List.of();
        }
        JsonNode records = export.path("data").path(category);
        return records.isArray() ? List.copyOf(records.values()) : List.of();
    }

    /** The categories the export carries data for, in its own order. */
    List<String> dataCategories() {
        if (export == null || !export.path("data").isObject()) {
            return List.of();
        }
        return List.copyOf(export.path("data").propertyNames());
    }

    int recordCount() {
        if (export == null) {
            return categories.stream().mapToInt(CategoryOutcome::count).sum();
        }
        return dataCategories().stream().mapToInt(category -> records(category).size()).sum();
    }

    /** What it holds, per category with a count, in words: "Contact profile (1), Appointments (2)" or "Nothing". */
    String held() {
        List<String> held = categories.stream().filter(c -> c.count() > 0)
                .map(c -> RecordsHtml.humanise(c.category()) + " (" + c.count() + ")").toList();
        return held.isEmpty() ? "Nothing" : String.join(", ", held);
    }

    boolean holdsNothing() {
        return recordCount() == 0 && categories.stream().allMatch(c -> c.count() == 0);
    }
}
