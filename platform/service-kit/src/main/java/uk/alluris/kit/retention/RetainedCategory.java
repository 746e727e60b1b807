package uk.alluris.kit.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * How one service ends one category of the register ({@code alluris.register.categories[].key}) when its
 * retention period has passed. A service declares one bean per category it holds, next to the aggregate; the kit's
 * {@link RetentionEnforcement} calls it with the period read from the register.
 */
public interface RetainedCategory {

    /** The register key, e.g. {@code payments}. */
    String category();

    /** Erases (or crypto-shreds) every record whose end date is {@code day.today()} or earlier; how many. */
    long eraseEnded(RetentionDay day);

    /** What will have ended by {@code day.today()}: how many records, and the earliest end date among them. */
    Ending ending(RetentionDay day);

    /** A count and the earliest end date among the records counted (empty when none). */
    record Ending(long count, Optional<LocalDate> earliest) {

        /** Both counts, and the earlier of the two earliest dates. */
        public Ending plus(Ending other) {
            Optional<LocalDate> first = earliest.isEmpty() ? other.earliest : other.earliest.isEmpty() ? earliest
                    : Optional.of(earliest.get().isBefore(other.earliest.get()) ? earliest.get() : other.earliest.get());
            return new Ending(count + other.count, first);
        }

        public static Ending none() {
            return new Ending(0, Optional.empty());
        }

        /** Records counted by their starting date: the earliest start gives the earliest end. */
        public static Ending started(long count, Optional<LocalDate> earliestStart, RetentionDay day) {
            return count == 0 ? none() : new Ending(count, earliestStart.map(day::endDate));
        }

        /** Records counted by the instant they were stamped with. */
        public static Ending stamped(long count, Optional<Instant> earliestStamp, RetentionDay day) {
            return started(count, earliestStamp.map(RetentionDay::clinicDay), day);
        }
    }
}
