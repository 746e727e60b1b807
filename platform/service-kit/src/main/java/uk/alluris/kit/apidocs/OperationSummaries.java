package uk.alluris.kit.apidocs;

import java.util.Locale;

/**
 * An operation's summary from its handler's name ({@code cancelAppointment} → "Cancel appointment"), springdoc's
 * operation id; a one-word name is completed with what the path names ({@code all} on {@code GET
 * /api/privacy/dead-letters} → "All: GET /api/privacy/dead-letters").
 */
final class OperationSummaries {

    private OperationSummaries() {
    }

    static String of(String operationId, String method, String path) {
        String name = operationId == null ? "" : operationId.replaceAll("_\\d+$", "");
        String words = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT).strip();
        if (words.isEmpty()) {
            return method + " " + path;
        }
        String sentence = Character.toUpperCase(words.charAt(0)) + words.substring(1);
        return words.contains(" ") ? sentence : sentence + ": " + method + " " + path;
    }
}
