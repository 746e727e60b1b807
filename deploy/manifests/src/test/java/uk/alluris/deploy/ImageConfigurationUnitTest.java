package uk.alluris.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The images of the seven deployables (root pom, profile "images"). Two levels, because building the image tarballs
 * costs about half a minute that the CI run of {@code ./mvnw -B verify} cannot spare, and the production base image
 * (eclipse-temurin:17-jre) needs a registry:
 * <ul>
 * <li>always: Jib's configuration in the pom, i.e. exactly what Jib writes into each image's config;</li>
 * <li>when the tarballs are there ({@code ./mvnw -B package -DskipTests -Dimages}, the forge's images job, which sets
 * {@code -Dalluris.images.required=true} so a missing tarball fails): each tarball's own config, as a container
 * runtime reads it.</li>
 * </ul>
 */
class ImageConfigurationUnitTest {

    private static final String PLUGIN = "build/plugins/plugin/";
    private static final String USER = "65532:65532";
    private static final String PORT = "8080";

    @Test
    void theImagesProfileBuildsATarballInEveryDeployableAndInNoOtherModule() throws Exception {
        JibProfile profile = JibProfile.fromRootPom();

        assertThat(profile.at("activation/property/name")).isEqualTo("images");
        assertThat(profile.at("activation/file/exists")).isEqualTo("${basedir}/src/main/resources/application.yml");
        assertThat(Repository.modulesWithAnApplicationYaml()).containsExactlyInAnyOrderElementsOf(Repository.DEPLOYABLES);
        assertThat(profile.at(PLUGIN + "artifactId")).isEqualTo("jib-maven-plugin");
        assertThat(profile.at(PLUGIN + "executions/execution/goals/goal")).isEqualTo("buildTar");
        assertThat(profile.at(PLUGIN + "executions/execution/phase")).isEqualTo("package");
        assertThat(profile.at(PLUGIN + "configuration/outputPaths/tar"))
                .isEqualTo("${project.build.directory}/jib-image.tar");
    }

    @Test
    void theProductionBaseIsAJavaSeventeenRuntimeThatAPropertyCanReplace() throws Exception {
        JibProfile profile = JibProfile.fromRootPom();

        assertThat(profile.at(PLUGIN + "configuration/from/image")).isEqualTo("${alluris.image.base}");
        assertThat(profile.property("alluris.image.base")).isEqualTo("eclipse-temurin:17-jre");
    }

    @Test
    void everyImageRunsAsANonRootUserExposesItsPortAndSizesTheJvmFromTheContainer() throws Exception {
        JibProfile profile = JibProfile.fromRootPom();
        String container = PLUGIN + "configuration/container/";

        assertThat(profile.at(container + "user")).isEqualTo(USER);
        assertThat(profile.all(container + "ports/port")).containsExactly(PORT);
        assertThat(profile.at(container + "environment/SERVER_PORT")).isEqualTo(PORT);
        assertThat(profile.all(container + "jvmFlags/jvmFlag"))
                .contains("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError");
        assertThat(profile.at(container + "labels/uk.alluris.probe.readiness")).isEqualTo("${alluris.probe.readiness}");
        assertThat(profile.property("alluris.probe.readiness")).isEqualTo(kubernetesReadinessPath("booking-service"));
        assertThat(profile.at(container + "entrypoint")).as("Jib's own java entrypoint, with the main class").isNull();
    }

    @Test
    void eachBuiltTarballStartsItsOwnApplicationAsANonRootUserOnItsExposedPort() throws Exception {
        boolean required = Boolean.getBoolean("alluris.images.required");
        List<String> built = new ArrayList<>();
        for (String deployable : Repository.DEPLOYABLES) {
            Path tarball = Repository.path(deployable + "/target/jib-image.tar");
            if (!Files.isRegularFile(tarball)) {
                assertThat(required).as(tarball + " is missing while -Dalluris.images.required=true").isFalse();
                continue;
            }
            built.add(deployable);
            JsonNode config = ImageTarball.containerConfig(tarball);
            assertThat(config.path("User").asString()).as(deployable).isEqualTo(USER);
            assertThat(config.path("ExposedPorts").has(PORT + "/tcp")).as(deployable).isTrue();
            List<String> entrypoint = new ArrayList<>();
            config.path("Entrypoint").forEach(part -> entrypoint.add(part.asString()));
            assertThat(entrypoint).as(deployable).startsWith("java").contains("-XX:MaxRAMPercentage=75");
            String mainClass = entrypoint.get(entrypoint.size() - 1);
            assertThat(Repository.path(deployable + "/src/main/java/" + mainClass.replace('.', '/') + ".java"))
                    .as(deployable + " main class").isRegularFile();
            assertThat(config.path("Labels").path("uk.alluris.probe.readiness").asString()).as(deployable)
                    .isEqualTo(kubernetesReadinessPath(deployable));
        }
        assumeTrue(!built.isEmpty(), "no image tarball built: ./mvnw -B package -DskipTests -Dimages "
                + "(-Dalluris.image.base=scratch where no registry is reachable) builds them");
    }

    /** The readiness path Kubernetes probes for a deployable (the gateway's is on its public port: /readyz). */
    private static String kubernetesReadinessPath(String deployable) {
        Map<String, Object> deployment = Repository.yamlDocuments(
                Repository.path("deploy/k8s/base/" + deployable + ".yaml")).get(0);
        Map<String, Object> container = Yamls.map(Yamls.listAt(deployment, "spec.template.spec.containers").get(0));
        return Yamls.text(container, "readinessProbe.httpGet.path");
    }
}
