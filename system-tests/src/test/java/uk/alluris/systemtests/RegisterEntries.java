package uk.alluris.systemtests;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The entries of the register of processing, as ids {@code <kind>-<key>} in the register's order: from
 * {@code GET /api/privacy/register}, and as the access bundle's summary and the portal's page mark them.
 */
final class RegisterEntries {

    private static final Pattern ENTRY = Pattern.compile("^(purpose|category|recipient|transfer|right)-[a-z0-9-]+$");
    private static final Pattern ID = Pattern.compile("id=\"([a-z]+-[a-z0-9-]+)\"");

    private RegisterEntries() {
    }

    static List<String> published(String json) {
        JsonNode register = JsonMapper.builder().build().readTree(json);
        List<String> ids = new ArrayList<>();
        register.path("purposes").forEach(entry -> ids.add("purpose-" + entry.path("key").asString()));
        register.path("categories").forEach(entry -> ids.add("category-" + entry.path("key").asString()));
        register.path("recipients").forEach(entry -> ids.add("recipient-" + entry.path("key").asString()));
        register.path("transfers").forEach(entry -> ids.add("transfer-" + entry.path("recipient").asString()));
        register.path("rights").forEach(entry -> ids.add("right-" + entry.path("key").asString()));
        return ids;
    }

    static List<String> inHtml(String html) {
        List<String> ids = new ArrayList<>();
        Matcher id = ID.matcher(html.substring(html.indexOf("id=\"about-your-data\"")));
        while (id.find()) {
            if (isEntry(id.group(1))) {
                ids.add(id.group(1));
            }
        }
        return ids;
    }

    static boolean isEntry(String id) {
        return ENTRY.matcher(id).matches();
    }
}
