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
 * as seconds since 1970, which would date a consent or a clinical entry to the day retention began.
 */
final class TimesAsText extends ValueDeserializerModifier {

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
            return super.deserialize(parser, context);
        }
    }
}
