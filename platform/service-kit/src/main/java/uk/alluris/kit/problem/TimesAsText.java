package uk.alluris.kit.problem;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Set;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A date or time in a request is ISO-8601 text. A number ({@code "recordedAt": 12345}) is refused instead of being read
 * as seconds since 1970, which would date a consent or a clinical entry to the day retention began. And it is a
 * plausible one: between {@value #EARLIEST} and {@value #LATEST} (UTC), for every date and time field of every body
 * — a consent recorded in 1800 would be shredded by the first retention run, one in 2200 never.
 */
final class TimesAsText extends ValueDeserializerModifier {

    static final String EARLIEST = "1900-01-01";
    static final String LATEST = "2100-12-31";
    private static final LocalDate FIRST_DAY = LocalDate.parse(EARLIEST);
    private static final LocalDate LAST_DAY = LocalDate.parse(LATEST);

    /** A well-formed date or time outside the plausible range; the problem names the field and the range. */
    static final class ImplausibleTime extends MismatchedInputException {

        ImplausibleTime(JsonParser parser, Class<?> type) {
            super(parser, "a date or time outside " + EARLIEST + " to " + LATEST, type);
        }

        static String allowed() {
            return "must be between " + EARLIEST + " and " + LATEST;
        }
    }

    /** The day a value falls on, in UTC where it is an instant, for the range check. */
    private static LocalDate day(Object value) {
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC).toLocalDate();
        }
        if (value instanceof OffsetDateTime time) {
            return time.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        }
        if (value instanceof ZonedDateTime time) {
            return time.withZoneSameInstant(ZoneOffset.UTC).toLocalDate();
        }
        if (value instanceof LocalDateTime time) {
            return time.toLocalDate();
        }
        return (LocalDate) value;
    }

    /** Whether a date or time (of any of the types a request may carry) falls between the first and last day. */
    static boolean plausible(Object value) {
        LocalDate day = day(value);
        return !day.isBefore(FIRST_DAY) && !day.isAfter(LAST_DAY);
    }

    static boolean isTime(Object value) {
        return value != null && TIMES.contains(value.getClass());
    }

    private static final Set<Class<?>> TIMES = Set.of(Instant.class, OffsetDateTime.class, ZonedDateTime.class,
            LocalDate.class, LocalDateTime.class);

    @Override
    public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier description,
            ValueDeserializer<?> deserializer) {
        return TIMES.contains(description.getBeanClass()) ? new TextOnly(deserializer, description.getBeanClass())
                : deserializer;
    }

    private static final class TextOnly extends DelegatingDeserializer {

        private final Class<?> type;

        TextOnly(ValueDeserializer<?> delegatee, Class<?> type) {
            super(delegatee);
            this.type = type;
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegatee) {
            return new TextOnly(delegatee, type);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                throw MismatchedInputException.from(parser, type, "a number where a date or time is expected");
            }
            Object value = super.deserialize(parser, context);
            if (value != null && !plausible(value)) {
                throw new ImplausibleTime(parser, type);
            }
            return value;
        }
    }
}
