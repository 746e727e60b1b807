package uk.alluris.kit.logging;

import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * JSON logs (Boot's structured logging, {@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs} or {@code logstash}) get the
 * same masking as plain ones: every string written into a log line's JSON (the message, an exception's message and
 * stack trace, MDC values) passes through {@link PersonalDataMasking}. Named in the kit's
 * {@code logging.structured.json.customizer}.
 */
public class MaskedJsonLogs implements StructuredLoggingJsonMembersCustomizer<Object> {

    @Override
    public void customize(JsonWriter.Members<Object> members) {
        members.applyingValueProcessor(JsonWriter.ValueProcessor.of(String.class, PersonalDataMasking::mask));
    }
}
