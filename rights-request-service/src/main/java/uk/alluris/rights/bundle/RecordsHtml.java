package uk.alluris.rights.bundle;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A service's exported records as HTML for the summary page: objects as tables (one column per field), nested values
 * as definition lists, ISO dates as people write them, every value escaped.
 */
final class RecordsHtml {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UK time'", Locale.UK);
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final Pattern ISO_DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern ISO_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})");

    private RecordsHtml() {
    }

    /** A list of records: a table when they are objects (one column per field), else a bulleted list. */
    static String list(List<JsonNode> records) {
        if (records.stream().allMatch(JsonNode::isObject)) {
            Set<String> columns = new LinkedHashSet<>();
            records.forEach(record -> columns.addAll(record.propertyNames()));
            StringBuilder html = new StringBuilder("<table>\n<thead><tr>");
            columns.forEach(column -> html.append("<th>").append(escape(humanise(column))).append("</th>"));
            html.append("</tr></thead>\n<tbody>\n");
            for (JsonNode record : records) {
                html.append("<tr>");
                columns.forEach(column -> html.append("<td>").append(value(record.path(column))).append("</td>"));
                html.append("</tr>\n");
            }
            return html.append("</tbody>\n</table>\n").toString();
        }
        StringBuilder html = new StringBuilder("<ul class=\"values\">\n");
        records.forEach(record -> html.append("<li>").append(value(record)).append("</li>\n"));
        return html.append("</ul>\n").toString();
    }

    private static String value(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return "<span class=\"muted\">—</span>";
        }
        if (node.isObject()) {
            if (node.isEmpty()) {
                return "<span class=\"muted\">—</span>";
            }
            StringBuilder html = new StringBuilder("<dl class=\"kv\">");
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                html.append("<dt>").append(escape(humanise(field.getKey()))).append("</dt><dd>")
                        .append(value(field.getValue())).append("</dd>");
            }
            return html.append("</dl>").toString();
        }
        if (node.isArray()) {
            if (node.isEmpty()) {
                return "<span class=\"muted\">—</span>";
            }
            return list(new ArrayList<>(node.values()));
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? "Yes" : "No";
        }
        return escape(node.isString() ? readable(node.asString()) : node.asString());
    }

    /** ISO dates and times read as people write them (the JSON files keep them as they are). */
    private static String readable(String text) {
        try {
            if (ISO_DAY.matcher(text).matches()) {
                return DAY.format(LocalDate.parse(text));
            }
            if (ISO_TIME.matcher(text).matches()) {
                return WHEN.format(OffsetDateTime.parse(text).atZoneSameInstant(LONDON));
            }
        } catch (DateTimeException notADate) {
            // shown as it is
        }
        return text;
    }

    /** {@code contact-profile}, {@code dateOfBirth}, {@code marketing_consents} → "Contact profile", "Date of birth", … */
    static String humanise(String key) {
        String spaced = key.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('-', ' ').replace('_', ' ').trim();
        if (spaced.isEmpty()) {
            return key;
        }
        String lower = spaced.toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    /** HTML-escapes text for element content and quoted attribute values. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

}
