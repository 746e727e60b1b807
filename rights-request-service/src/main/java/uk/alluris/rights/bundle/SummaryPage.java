package uk.alluris.rights.bundle;

import static uk.alluris.rights.bundle.RecordsHtml.DAY;
import static uk.alluris.rights.bundle.RecordsHtml.WHEN;
import static uk.alluris.rights.bundle.RecordsHtml.escape;
import static uk.alluris.rights.bundle.RecordsHtml.humanise;
import static uk.alluris.rights.bundle.RecordsHtml.list;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import uk.alluris.events.CategoryOutcome;

/**
 * The bundle's {@code summary.html}: one self-contained page (inline CSS, no scripts, no external resources; every
 * value from the data HTML-escaped) saying who it is for, what each service holds — a table per category — and the
 * supplementary information, rendered from the register of processing (the same entries as
 * {@code GET /api/privacy/register} and the portal's "how we use your data"). A person of whom
 * nothing is held is told so plainly.
 */
final class SummaryPage {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");
    private static final String TEMPLATE = resource("bundle/summary.html");
    private static final String CSS = resource("bundle/summary.css");
    private static final Properties SERVICES = properties("bundle/services.properties");

    /** What the page says about the request itself. */
    record About(String requestId, String requestType, String preparedFor, Instant receivedAt, Instant verifiedAt,
            Instant readyAt, Instant expiresAt, Instant generatedAt) {
    }

    private SummaryPage() {
    }

    /** @param supplementary the supplementary information, rendered from the register of processing (register.RegisterHtml) */
    static String render(About about, List<ServiceExport> services, String supplementary) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("css", CSS);
        values.put("requestKind", "PORTABILITY".equals(about.requestType())
                ? "data portability request" : "request for a copy of your personal data (subject access request)");
        values.put("preparedFor", escape(about.preparedFor()));
        values.put("requestId", escape(about.requestId()));
        values.put("receivedAt", when(about.receivedAt()));
        values.put("verifiedAt", when(about.verifiedAt()));
        values.put("readyAt", when(about.readyAt()));
        values.put("expiresAt", when(about.expiresAt()));
        values.put("generatedAt", when(about.generatedAt()));
        values.put("content", content(services));
        values.put("supplementary", supplementary);
        Matcher placeholder = PLACEHOLDER.matcher(TEMPLATE);
        StringBuilder page = new StringBuilder(TEMPLATE.length() * 2);
        while (placeholder.find()) {
            placeholder.appendReplacement(page,
                    Matcher.quoteReplacement(values.getOrDefault(placeholder.group(1), "")));
        }
        placeholder.appendTail(page);
        return page.toString();
    }

    private static String content(List<ServiceExport> services) {
        StringBuilder html = new StringBuilder();
        boolean nothingAnywhere = services.stream().allMatch(ServiceExport::holdsNothing);
        html.append("<section class=\"glance\">\n<h2>At a glance</h2>\n");
        if (nothingAnywhere) {
            html.append("<p class=\"nothing nothing-anywhere\"><strong>We hold no personal data about you.</strong> We"
                    + " searched every one of our systems that holds personal data — ")
                    .append(escape(String.join(", ", services.stream().map(s -> lowerFirst(name(s.service()))).toList())))
                    .append(" — using the contact details you confirmed, and none of them holds anything about"
                            + " you.</p>\n<p>The only record we keep is of this request and our answer to it (your contact"
                            + " details, encrypted, and the steps we took), as evidence that we answered it.</p>\n");
        } else {
            html.append("<p>We searched every one of our systems that holds personal data. This is what each holds about"
                    + " you; the details follow below.</p>\n");
        }
        html.append("<table>\n<thead><tr><th>System</th><th>What it holds about you</th><th>Records</th></tr></thead>\n"
                + "<tbody>\n");
        for (ServiceExport service : services) {
            html.append("<tr><td><a href=\"#").append(escape(anchor(service.service()))).append("\">")
                    .append(escape(name(service.service()))).append("</a></td><td>")
                    .append(service.holdsNothing() ? "Nothing" : escape(service.held())).append("</td><td>")
                    .append(service.recordCount()).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</section>\n");
        for (ServiceExport service : services) {
            html.append(serviceSection(service));
        }
        return html.toString();
    }

    private static String serviceSection(ServiceExport service) {
        StringBuilder html = new StringBuilder();
        html.append("<section class=\"service\" id=\"").append(escape(anchor(service.service()))).append("\">\n<h2>")
                .append(escape(name(service.service()))).append("<span class=\"svc\">").append(escape(service.service()))
                .append("</span></h2>\n");
        String about = SERVICES.getProperty(service.service() + ".about");
        if (about != null) {
            html.append("<p class=\"lead\">").append(escape(about)).append("</p>\n");
        }
        if (service.holdsNothing()) {
            html.append("<p class=\"nothing\">This system holds nothing about you.</p>\n");
        }
        if (service.export() == null) {
            html.append("<p class=\"muted\">This system answered without a copy of data.</p>\n");
        } else {
            html.append("<p class=\"muted\">Machine-readable copy: <code>").append(escape(service.file()))
                    .append("</code>.</p>\n");
        }
        html.append("<table class=\"categories\">\n<thead><tr><th>Category</th><th>Outcome</th><th>Records</th>"
                + "<th>Kept because</th><th>Kept until</th></tr></thead>\n<tbody>\n");
        for (CategoryOutcome line : service.categories()) {
            html.append("<tr><td>").append(escape(humanise(line.category()))).append("</td><td class=\"outcome-")
                    .append(escape(line.outcome().name())).append("\">").append(escape(outcome(line)))
                    .append("</td><td>").append(line.count()).append("</td><td>")
                    .append(line.legalGround() == null ? "" : escape(line.legalGround())).append("</td><td>")
                    .append(line.retainedUntil() == null ? "" : escape(DAY.format(line.retainedUntil())))
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        for (String category : service.dataCategories()) {
            List<JsonNode> records = service.records(category);
            if (records.isEmpty()) {
                continue;
            }
            html.append("<h3>").append(escape(humanise(category))).append(" <span class=\"muted\">(")
                    .append(records.size()).append(records.size() == 1 ? " record" : " records").append(")</span></h3>\n")
                    .append(list(records));
        }
        html.append("</section>\n");
        return html.toString();
    }

    private static String outcome(CategoryOutcome line) {
        switch (line.outcome()) {
            case EXPORTED:
                return "Copy included";
            case NOT_HELD:
                return "Nothing held";
            default:
                return humanise(line.outcome().name().toLowerCase(Locale.ROOT));
        }
    }

    static String name(String service) {
        return SERVICES.getProperty(service + ".name", service);
    }

    private static String anchor(String service) {
        return "service-" + service.replaceAll("[^A-Za-z0-9-]", "-");
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private static String when(Instant instant) {
        return instant == null ? "—" : escape(WHEN.format(instant.atZone(LONDON)));
    }

    private static String resource(String path) {
        try (InputStream in = SummaryPage.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties properties(String path) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(resource(path)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
