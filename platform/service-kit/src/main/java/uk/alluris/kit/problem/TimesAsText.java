package uk.alluris.kit.problem;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
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
 * as seconds since 1970, which would date a consent or a clinical entry to the day retention began. And it is
 * plausible: from 1900 to 2199. An entry dated 1800 would be shredded by the next retention run; a year 99999 breaks
 * every calculation after it.
 */
final class TimesAsText extends ValueDeserializerModifier {

    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 2199;
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
            Object time = super.deserialize(parser, context);
            int year = yearOf(time);
            if (year < FIRST_YEAR || year > LAST_YEAR) {
                throw MismatchedInputException.from(parser, type, "a date or time outside the plausible range");
            }
            return time;
        }

        private static int yearOf(Object time) {
            if (time instanceof Instant instant) {
                return instant.atOffset(java.time.ZoneOffset.UTC).getYear();
            }
            if (time instanceof OffsetDateTime offset) {
                return offset.getYear();
            }
            if (time instanceof ZonedDateTime zoned) {
                return zoned.getYear();
            }
            if (time instanceof LocalDate date) {
                return date.getYear();
            }
            return time instanceof LocalDateTime dateTime ? dateTime.getYear() : FIRST_YEAR;
        }
    }
}
