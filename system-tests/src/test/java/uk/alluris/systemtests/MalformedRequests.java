package uk.alluris.systemtests;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import uk.alluris.systemtests.FuzzRoutes.Route;

/**
 * A seeded generator of requests that are each malformed in at least one way a service must refuse: a path id, a
 * query value, a header or a body (one member of the wrong type, too big, badly encoded, out of range, or a body that
 * is no JSON at all). The same seed gives the same requests. Every generated value carries {@link #MARKER}, so an
 * answer echoing the input is seen.
 */
final class MalformedRequests {

    /** In every value the fuzzer makes up: no answer may contain it. */
    static final String MARKER = "fzq";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Malformed(Route route, String kind, String method, String path, Map<String, String> headers, byte[] body) {
        String describe() {
            return kind + " " + method + " " + (path.length() > 160 ? path.substring(0, 160) + "…" : path);
        }
    }

    private final Random random;

    MalformedRequests(long seed) {
        this.random = new Random(seed);
    }

    List<Malformed> take(int count) {
        List<Malformed> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            requests.add(next(FuzzRoutes.ALL.get(random.nextInt(FuzzRoutes.ALL.size()))));
        }
        return requests;
    }

    private Malformed next(Route route) {
        List<String> kinds = new ArrayList<>(List.of("path", "header"));
        if (route.hasBody()) {
            kinds.addAll(List.of("member", "member", "member", "body"));
        }
        if (!route.queries().isEmpty()) {
            kinds.addAll(List.of("query", "query", "query"));
        }
        String kind = kinds.get(random.nextInt(kinds.size()));
        String path = route.path().replace(FuzzRoutes.ID, UUID.randomUUID().toString());
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        byte[] body = route.hasBody() ? route.body().getBytes(StandardCharsets.UTF_8) : null;
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        switch (kind) {
            case "path" -> path = route.path().contains(FuzzRoutes.ID)
                    ? route.path().replace(FuzzRoutes.ID, badSegment())
                    : route.path() + "/" + badSegment();
            case "query" -> path = path + "?" + pick(route.queries()) + "=" + badQueryValue();
            case "header" -> badHeader(route, headers);
            case "member" -> body = route.body().length() > 2 ? badMember(route.body()) : badBody();
            default -> body = badBody();
        }
        return new Malformed(route, kind, route.method(), path, headers, body);
    }

    private String badSegment() {
        String m = MARKER + random.nextInt(1000);
        return pick(List.of(m + "%ff", m + "%00", "%c0%ae%c0%ae" + m, m + ";jsessionid=1", "..%2f" + m, m + "%2e%2e",
                m + "%5c..", m.repeat(3000), "-1" + m, "99999999999999999999" + m, m + "'%20OR%201=1", m + "%e2%80%ae",
                m + "%ef%bf%bf", m + "%25ff", "%20" + m, m + "%0d%0aX-Injected:%201", m + ".json", m + "%7B%7D"));
    }

    private String badQueryValue() {
        String m = MARKER + random.nextInt(1000);
        return pick(List.of(m + "%ff", m + "%00", "a%ff@" + m + ".com", m.repeat(4000), "0000-01-01" + m,
                "99999-12-31T00:00:00Z" + m, "2026-13-45", "1800-01-01", "3000-01-01T00:00:00Z", "NOT_A_VALUE_" + m,
                "-1", "1e999", "%5B%5D" + m, m + "&" + m + "=%ff", "2026-02-30", "9223372036854775808",
                "%e2%80%ae" + m, "%3Cscript%3E" + m, "", "%c3%28" + m));
    }

    private void badHeader(Route route, Map<String, String> headers) {
        String m = MARKER + random.nextInt(1000);
        if (route.hasBody()) {
            headers.put("Content-Type", pick(List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                    "multipart/form-data", "application/json; charset=ebcdic-" + m, m + "/" + m, "application/pdf",
                    "image/png")));
        } else if (route.caller() != FuzzRoutes.Caller.ANONYMOUS) {
            headers.put("Authorization", pick(List.of("Bearer " + m, "Bearer " + m.repeat(3000), "Basic " + m,
                    "Bearer eyJhbGciOiJub25lIn0." + m + ".", "Bearer")));
        } else {
            headers.put(pick(List.of("X-Request-Token", "Accept", "Accept-Language", "If-None-Match", "Range")),
                    pick(List.of(m, m.repeat(2000), "application/xml;" + m, "bytes=" + m, "*/*;q=" + m)));
        }
    }

    /** Members whose format a service checks: only these get well-typed but impossible values (NUL, enums, dates). */
    private static final java.util.Set<String> STRICT = java.util.Set.of("email", "phone", "code", "type", "kind",
            "status", "purpose", "channel", "dateOfBirth", "recordedAt", "start", "clientId", "treatmentId",
            "practitionerId", "appointmentId", "days", "granted", "amountPence");

    private byte[] badMember(String validBody) {
        ObjectNode body = (ObjectNode) JSON.readTree(validBody);
        List<String> names = new ArrayList<>();
        body.propertyNames().forEach(names::add);
        String name = pick(names);
        JsonNode current = body.get(name);
        String m = MARKER + random.nextInt(1000);
        List<String> options = new ArrayList<>(List.of(
                current.isContainer() ? "\"" + m + "\"" : "{\"" + m + "\":1}",
                current.isArray() ? "{}" : "[\"" + m + "\"]",
                "\"" + m.repeat(200_000) + "\"",
                "[".repeat(3000) + "]".repeat(3000)));
        if (STRICT.contains(name) && current.isString()) {
            options.addAll(List.of("\"" + m + "\\u0000\"", "\"" + m + "\\ud800\"", "\"NOT_A_VALUE_" + m + "\"",
                    "\"1800-01-01T00:00:00Z\"", "\"3000-01-01\"", "12345", "\"2026-02-30\"",
                    "\"+999999999-12-31T23:59:59Z\""));
        }
        if (STRICT.contains(name) && current.isNumber()) {
            options.addAll(List.of("1e999", "-9223372036854775809", "\"" + m + "\""));
        }
        if (current.isBoolean()) {
            options.addAll(List.of("-1", "1", "\"yes\"", "\"" + m + "\""));
        }
        String member = "\"" + name + "\":" + current;
        return body.toString().replace(member, "\"" + name + "\":" + pick(options)).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] badBody() {
        String m = MARKER + random.nextInt(1000);
        return switch (random.nextInt(9)) {
            case 0 -> new byte[] { '{', '"', 'a', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}' };
            case 1 -> ("{\"" + m + "\":").getBytes(StandardCharsets.UTF_8);
            case 2 -> ("[\"" + m + "\"]").getBytes(StandardCharsets.UTF_8);
            case 3 -> new byte[0];
            case 4 -> "null".getBytes(StandardCharsets.UTF_8);
            case 5 -> ("{\"a\":" + "{\"a\":".repeat(5000) + "1" + "}".repeat(5001)).getBytes(StandardCharsets.UTF_8);
            case 6 -> ("<xml>" + m + "</xml>").getBytes(StandardCharsets.UTF_8);
            case 7 -> ("\ufeff{\"" + m + "\":\"\u0000\"}").getBytes(StandardCharsets.UTF_8);
            default -> ("{\"x\":\"" + m.repeat(400_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        };
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
