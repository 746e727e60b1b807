package uk.alluris.kit.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.alluris.testsupport.PlatformMeters;

/**
 * The alert rules and the Grafana dashboard in deploy/observability use only meters the platform has (meters.txt,
 * which every part's contract test checks against its own scrape), and every alert has a runbook.
 */
class ObservabilityDeploymentUnitTest {

    private static final Path DIRECTORY = PlatformMeters.directory();
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "by", "without", "on", "ignoring",
            "group_left", "group_right", "bool", "offset");
    private static final Pattern LABELS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPINGS = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");

    @Test
    void everyAlertUsesOnlyMetersThePlatformHasAndNamesItsRunbook() throws IOException {
        List<Map<String, Object>> rules = alertRules();

        assertThat(rules).hasSizeGreaterThanOrEqualTo(10);
        String runbooks = Files.readString(DIRECTORY.resolve("../../docs/observability.md").normalize());
        for (Map<String, Object> rule : rules) {
            String name = (String) rule.get("alert");
            assertThat(metricsIn((String) rule.get("expr"))).as("metrics of alert %s", name).isNotEmpty()
                    .isSubsetOf(known());
            assertThat(runbooks).as("runbook of alert %s", name).contains("### " + name);
            assertThat(((Map<?, ?>) rule.get("annotations")).get("summary")).as("summary of %s", name).isNotNull();
            assertThat(((Map<?, ?>) rule.get("labels")).get("severity")).as("severity of %s", name).isNotNull();
        }
    }

    @Test
    void everyDashboardPanelQueriesOnlyMetersThePlatformHas() throws IOException {
        JsonNode dashboard = JsonMapper.builder().build().readTree(DIRECTORY.resolve("grafana-dashboard.json").toFile());

        List<String> expressions = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> panel.path("targets")
                .forEach(target -> expressions.add(target.path("expr").asString())));
        assertThat(expressions).hasSizeGreaterThanOrEqualTo(10);
        for (String expression : expressions) {
            assertThat(metricsIn(expression)).as(expression).isNotEmpty().isSubsetOf(known());
        }
    }

    @Test
    void theMetricNamesAreFoundInAnExpressionAndLabelsFunctionsAndKeywordsAreNot() {
        assertThat(metricsIn("sum by (application) (rate(http_server_requests_seconds_count{status=~\"5..\"}[5m]))"
                + " / max(delta(alluris_campaigns_recipients_handled[30m])) > 0.05 and up == 0"))
                .containsExactlyInAnyOrder("http_server_requests_seconds_count", "alluris_campaigns_recipients_handled",
                        "up");
        assertThat(known()).doesNotContain("alluris_no_such_meter");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theScrapeConfigurationHasAJobForEveryPartAndReadsTheGatewayOnItsManagementPort() throws IOException {
        Map<String, Object> file = new Yaml().load(Files.readString(DIRECTORY.resolve("prometheus.yml")));
        String gatewayYaml = Files.readString(DIRECTORY.resolve("../../gateway/src/main/resources/application.yml"));
        Matcher managementPort = Pattern.compile("\\$\\{GATEWAY_MANAGEMENT_PORT:(\\d+)}").matcher(gatewayYaml);
        assertThat(managementPort.find()).as("the gateway's management port in its application.yml").isTrue();

        Map<String, String> targets = new java.util.TreeMap<>();
        for (Map<String, Object> job : (List<Map<String, Object>>) file.get("scrape_configs")) {
            assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
            List<Map<String, Object>> statics = (List<Map<String, Object>>) job.get("static_configs");
            targets.put((String) job.get("job_name"), ((List<String>) statics.get(0).get("targets")).get(0));
        }
        assertThat(targets).containsOnlyKeys("alluris-gateway", "alluris-booking-service", "alluris-records-service",
                "alluris-consent-service", "alluris-marketing-service", "alluris-rights-request-service", "alluris-web");
        assertThat(targets.get("alluris-gateway")).isEqualTo("gateway:" + managementPort.group(1));
        assertThat(targets.get("alluris-web")).isEqualTo("web:8080");
        assertThat(file.get("rule_files")).isEqualTo(List.of("alerts.yml"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> alertRules() throws IOException {
        Map<String, Object> file = new Yaml().load(Files.readString(DIRECTORY.resolve("alerts.yml")));
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
            rules.addAll((List<Map<String, Object>>) group.get("rules"));
        }
        return rules;
    }

    private static Set<String> known() {
        Set<String> names = new TreeSet<>();
        PlatformMeters.all().forEach(meter -> names.add(meter.name()));
        return names;
    }

    /** The metric names a PromQL expression reads: identifiers that are not labels, functions or keywords. */
    static Set<String> metricsIn(String expression) {
        String bare = GROUPINGS.matcher(RANGES.matcher(LABELS.matcher(expression).replaceAll(" ")).replaceAll(" "))
                .replaceAll(" ");
        Set<String> metrics = new TreeSet<>();
        Matcher identifiers = IDENTIFIER.matcher(bare);
        while (identifiers.find()) {
            boolean function = identifiers.group(2) != null;
            if (!function && !KEYWORDS.contains(identifiers.group(1))) {
                metrics.add(identifiers.group(1));
            }
        }
        return metrics;
    }
}
