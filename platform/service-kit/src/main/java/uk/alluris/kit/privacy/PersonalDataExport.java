package uk.alluris.kit.privacy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.alluris.events.CategoryOutcome;

/**
 * Everything one service holds on a person, for an access or portability request: the receipt's lines (one per
 * category, {@code EXPORTED} with a count or {@code NOT_HELD}) and the data itself, by category, as plain
 * JSON-serialisable values (records, maps, lists, strings, numbers, dates). Decrypted, complete, and with third
 * parties' personal data already redacted by the service that knows where it lies.
 */
public record PersonalDataExport(List<CategoryOutcome> categories, Map<String, Object> data) {

    public PersonalDataExport {
        categories = List.copyOf(categories);
        data = new LinkedHashMap<>(data);
    }

    /** Starts an export; add each category in the order a reader should see it. */
    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {

        private final List<CategoryOutcome> categories = new java.util.ArrayList<>();
        private final Map<String, Object> data = new LinkedHashMap<>();

        /** One category: its records (possibly none — then the receipt says {@code NOT_HELD}). */
        public Builder category(String category, List<?> records) {
            categories.add(CategoryOutcome.counted(category, uk.alluris.events.Outcome.EXPORTED, records.size()));
            data.put(category, List.copyOf(records));
            return this;
        }

        public PersonalDataExport build() {
            return new PersonalDataExport(categories, data);
        }
    }
}
