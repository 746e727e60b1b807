package uk.alluris.kit.problem;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Says which field of a request was wrong and what it allows, never what was sent (it may be someone's personal
 * data): "status must be one of OPEN, CLOSED", "recordedAt must be a date-time such as 2026-03-01T10:00:00Z".
 */
final class InputProblems {

    private InputProblems() {
    }

    /** A query, path or body value of the wrong type. */
    static String wrongType(String field, Class<?> type) {
        return (field == null || field.isBlank() ? "a value" : field) + " " + allowed(type);
    }

    /** Why a body could not be read, from Jackson's account of it, without the value it quotes. */
    static String unreadable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnrecognizedPropertyException unknown) {
                return "unknown field " + path(unknown);
            }
            if (cause instanceof TimesAsText.ImplausibleTime implausible) {
                return path(implausible) + " " + TimesAsText.ImplausibleTime.allowed();
            }
            if (cause instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
                return wrongType(path(mismatch), mismatch.getTargetType());
            }
            if (cause instanceof StreamReadException) {
                return "the body is not valid JSON";
            }
            if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
                return path(jackson) + " could not be read";
            }
        }
        return "the body could not be read as JSON of the expected shape";
    }

    private static String path(JacksonException e) {
        return e.getPath().stream()
                .map(reference -> reference.getPropertyName() != null ? reference.getPropertyName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String allowed(Class<?> type) {
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (type == boolean.class || type == Boolean.class) {
            return "must be true or false";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "must be a number";
        }
        if (type == UUID.class) {
            return "must be an id such as 3f2a0c9e-8d1b-4e5f-9a7b-1c2d3e4f5a6b";
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class
                || type == LocalDateTime.class) {
            return "must be a date-time between " + TimesAsText.EARLIEST + " and " + TimesAsText.LATEST
                    + " such as 2026-03-01T10:00:00Z";
        }
        if (type == LocalDate.class) {
            return "must be a date between " + TimesAsText.EARLIEST + " and " + TimesAsText.LATEST + " such as 2026-03-01";
        }
        if (type == LocalTime.class) {
            return "must be a time such as 09:30";
        }
        if (type == String.class) {
            return "must be text";
        }
        return "has the wrong type";
    }
}
