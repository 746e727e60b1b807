package uk.alluris.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.alluris.deploy.Yamls.list;
import static uk.alluris.deploy.Yamls.map;
import static uk.alluris.deploy.Yamls.mapAt;
import static uk.alluris.deploy.Yamls.text;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** .github: the build a forge runs (tests with Docker, images), dependency updates and the vulnerability review. */
class WorkflowsUnitTest {

    @Test
    void everyWorkflowParsesNamesItsTriggersAndJobsAndReadsTheRepositoryWithLeastPermission() {
        List<Path> workflows = Repository.yamlFilesUnder(".github/workflows");
        assertThat(workflows).isNotEmpty();
        for (Path file : workflows) {
            Map<String, Object> workflow = Repository.yamlDocuments(file).get(0);
            // YAML 1.1 reads the key "on" as the boolean true
            assertThat(workflow.containsKey("on") || workflow.containsKey(Boolean.TRUE)).as(file.toString()).isTrue();
            assertThat(text(workflow, "permissions.contents")).as(file.toString()).isEqualTo("read");
            assertThat(mapAt(workflow, "jobs")).as(file.toString()).isNotEmpty();
            for (String action : uses(workflow)) {
                assertThat(action).as(file + " pins a version").matches("[\\w.-]+/[\\w./-]+@v?[\\w.]+");
            }
        }
    }

    @Test
    void ciRunsEveryTestOnARunnerWithDockerAndBuildsAndChecksTheImageTarballs() {
        Map<String, Object> ci = Repository.yaml(".github/workflows/ci.yml");
        Map<String, Object> verify = mapAt(ci, "jobs.verify");
        Map<String, Object> images = mapAt(ci, "jobs.images");

        assertThat(text(verify, "runs-on")).startsWith("ubuntu-");
        assertThat(runs(verify)).contains(".ci/run");
        assertThat(Repository.read(".ci/run")).contains("exec ./mvnw -B verify");
        assertThat(String.join("\n", runs(images))).contains("package -DskipTests -Dimages")
                .contains("-Dtest=ImageConfigurationUnitTest").contains("-Dalluris.images.required=true");
    }

    @Test
    void pullRequestsAreReviewedForVulnerableDependenciesAndDependabotProposesUpdates() {
        Map<String, Object> review = Repository.yaml(".github/workflows/dependency-review.yml");
        assertThat(uses(review)).anyMatch(action -> action.startsWith("actions/dependency-review-action@"))
                .anyMatch(action -> action.startsWith("advanced-security/maven-dependency-submission-action@"));
        assertThat(String.valueOf(mapAt(review, "jobs.review").get("if"))).contains("pull_request");

        Map<String, Object> dependabot = Repository.yaml(".github/dependabot.yml");
        assertThat(dependabot.get("version")).isEqualTo(2);
        assertThat(list(dependabot.get("updates")).stream().map(update -> text(map(update), "package-ecosystem")))
                .contains("maven", "github-actions", "docker-compose");
    }

    private static List<String> uses(Map<String, Object> workflow) {
        List<String> actions = new ArrayList<>();
        mapAt(workflow, "jobs").values().forEach(job -> steps(map(job)).stream()
                .filter(step -> step.containsKey("uses")).forEach(step -> actions.add(text(step, "uses"))));
        return actions;
    }

    private static List<String> runs(Map<String, Object> job) {
        return steps(job).stream().filter(step -> step.containsKey("run")).map(step -> text(step, "run")).toList();
    }

    private static List<Map<String, Object>> steps(Map<String, Object> job) {
        return list(job.get("steps")).stream().map(Yamls::map).toList();
    }
}
