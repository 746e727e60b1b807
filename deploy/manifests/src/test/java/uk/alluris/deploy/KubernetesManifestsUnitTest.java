package uk.alluris.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.alluris.deploy.Yamls.at;
import static uk.alluris.deploy.Yamls.list;
import static uk.alluris.deploy.Yamls.listAt;
import static uk.alluris.deploy.Yamls.map;
import static uk.alluris.deploy.Yamls.mapAt;
import static uk.alluris.deploy.Yamls.text;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import uk.alluris.kit.secrets.PlatformSecret;

/**
 * deploy/k8s: the invariants a clinic's cluster relies on, read from every manifest of the base and overlays (Kafka's
 * and MongoDB's operator resources: {@link OperatorResourcesUnitTest}).
 */
class KubernetesManifestsUnitTest {

    private static final Set<String> SHARED_INFRASTRUCTURE = Set.of("Kafka", "KafkaNodePool", "KafkaTopic",
            "MongoDBCommunity", "NetworkPolicy");
    private final KubernetesResources base = KubernetesResources.under("deploy/k8s/base");
    private final KubernetesResources everything = KubernetesResources.under("deploy/k8s");

    @Test
    void theBaseRunsExactlyTheSevenDeployablesEachWithAServiceAndADisruptionBudget() {
        assertThat(base.ofKind("Deployment")).extracting(KubernetesResources.Resource::name)
                .containsExactlyInAnyOrderElementsOf(Repository.DEPLOYABLES);
        for (Map<String, Object> deployment : base.bodiesOfKind("Deployment")) {
            Object selector = at(deployment, "spec.selector");
            Map<String, Object> podLabels = mapAt(deployment, "spec.template.metadata.labels");
            assertThat(KubernetesResources.selects(selector, podLabels)).isTrue();
            assertThat(base.bodiesOfKind("PodDisruptionBudget")).as(text(deployment, "metadata.name"))
                    .anySatisfy(budget -> assertThat(selector).isEqualTo(at(budget, "spec.selector")));
            assertThat(base.bodiesOfKind("Service")).as(text(deployment, "metadata.name"))
                    .anySatisfy(service -> assertThat(KubernetesResources.selects(
                            Map.of("matchLabels", at(service, "spec.selector")), podLabels)).isTrue());
        }
    }

    @Test
    void livenessIgnoresTheStoreAndBrokerWhileReadinessWaitsForThem() {
        for (Map<String, Object> container : containers()) {
            // the gateway's actuator is on its management port; its public port answers the same groups at /livez, /readyz
            boolean gateway = "gateway".equals(text(container, "name"));
            assertThat(text(container, "livenessProbe.httpGet.path"))
                    .isEqualTo(gateway ? "/livez" : "/actuator/health/liveness");
            assertThat(text(container, "readinessProbe.httpGet.path"))
                    .isEqualTo(gateway ? "/readyz" : "/actuator/health/readiness");
            assertThat(text(container, "readinessProbe.httpGet.port")).isEqualTo("http");
            assertThat(listAt(container, "ports")).anySatisfy(port -> {
                assertThat(text(map(port), "name")).isEqualTo("http");
                assertThat(text(map(port), "containerPort")).isEqualTo("8080");
            });
        }
    }

    @Test
    void everyContainerHasRequestsAndAMemoryLimitAndRunsNonRootOnAReadOnlyFilesystem() {
        for (Map<String, Object> deployment : base.bodiesOfKind("Deployment")) {
            Map<String, Object> pod = mapAt(deployment, "spec.template.spec");
            assertThat(at(pod, "securityContext.runAsNonRoot")).isEqualTo(true);
            assertThat((Integer) at(pod, "securityContext.runAsUser")).isPositive();
            for (Object each : list(pod.get("containers"))) {
                Map<String, Object> container = map(each);
                assertThat(mapAt(container, "resources.requests")).containsKeys("cpu", "memory");
                assertThat(mapAt(container, "resources.limits")).containsKey("memory");
                assertThat(at(container, "securityContext.readOnlyRootFilesystem")).isEqualTo(true);
                assertThat(at(container, "securityContext.allowPrivilegeEscalation")).isEqualTo(false);
                assertThat(listAt(container, "securityContext.capabilities.drop")).containsExactly("ALL");
                assertThat(listAt(container, "volumeMounts")).anySatisfy(
                        mount -> assertThat(text(map(mount), "mountPath")).isEqualTo("/tmp"));
            }
        }
    }

    @Test
    void eachDeployableReferencesExactlyItsOwnSecretsAndNoSecretIsWrittenIntoAManifest() {
        Set<String> secretVariables = Set.of(PlatformSecret.values()).stream().map(PlatformSecret::variable)
                .collect(Collectors.toSet());
        for (Map<String, Object> deployment : base.bodiesOfKind("Deployment")) {
            String name = text(deployment, "metadata.name");
            Set<String> referenced = new TreeSet<>();
            for (Object each : listAt(map(listAt(deployment, "spec.template.spec.containers").get(0)), "env")) {
                Map<String, Object> variable = map(each);
                String variableName = text(variable, "name");
                if (secretVariables.contains(variableName) || variableName.endsWith("PASSWORD")
                        || variableName.equals("MONGODB_URI")) {
                    assertThat(variable).as(name + " " + variableName).doesNotContainKey("value");
                    assertThat(mapAt(variable, "valueFrom.secretKeyRef")).as(name + " " + variableName)
                            .containsKeys("name", "key");
                }
                if (secretVariables.contains(variableName)) {
                    referenced.add(variableName);
                }
            }
            assertThat(referenced).as(name).containsExactlyInAnyOrderElementsOf(
                    PlatformSecret.of(name).stream().map(PlatformSecret::variable).toList());
        }
        assertThat(everything.ofKind("Secret")).isEmpty();
        for (Map<String, Object> configMap : everything.bodiesOfKind("ConfigMap")) {
            assertThat(mapAt(configMap, "data").keySet()).noneMatch(
                    key -> secretVariables.contains(key) || key.contains("PASSWORD") || key.contains("SECRET"));
        }
    }

    @Test
    void onlyTheGatewayIsReachableFromOutsideThePlatform() {
        List<Map<String, Object>> policies = base.bodiesOfKind("NetworkPolicy");
        assertThat(policies).anySatisfy(policy -> {
            assertThat(mapAt(policy, "spec.podSelector")).isEmpty();
            assertThat(listAt(policy, "spec.policyTypes")).contains("Ingress");
            assertThat(mapAt(policy, "spec")).doesNotContainKey("ingress");
        });
        Set<String> reachableFromOutside = new TreeSet<>();
        for (Map<String, Object> deployment : base.bodiesOfKind("Deployment")) {
            Map<String, Object> podLabels = mapAt(deployment, "spec.template.metadata.labels");
            for (Map<String, Object> policy : policies) {
                if (KubernetesResources.selects(at(policy, "spec.podSelector"), podLabels)) {
                    for (Object rule : list(map(at(policy, "spec")).getOrDefault("ingress", List.of()))) {
                        if (admitsOutsiders(map(rule))) {
                            reachableFromOutside.add(text(deployment, "metadata.name"));
                        }
                    }
                }
            }
        }
        assertThat(reachableFromOutside).containsExactly("gateway");
        assertThat(everything.bodiesOfKind("Service")).allSatisfy(
                service -> assertThat(text(service, "spec.type")).isEqualTo("ClusterIP"));
        assertThat(everything.bodiesOfKind("Ingress")).isNotEmpty().allSatisfy(ingress -> {
            for (Object rule : listAt(ingress, "spec.rules")) {
                for (Object path : listAt(map(rule), "http.paths")) {
                    assertThat(text(map(path), "backend.service.name")).isEqualTo("gateway");
                }
            }
        });
    }

    @Test
    void kustomizationsNameOnlyFilesThatExistAndOverlaysBuildOnTheBaseWithoutWeakeningSharedInfrastructure()
            throws Exception {
        for (Path file : Repository.yamlFilesUnder("deploy/k8s")) {
            if (!file.getFileName().toString().equals("kustomization.yaml")) {
                continue;
            }
            Map<String, Object> kustomization = Repository.yamlDocuments(file).get(0);
            for (Object resource : list(kustomization.getOrDefault("resources", List.of()))) {
                assertThat(file.getParent().resolve(String.valueOf(resource))).as(file + " " + resource).exists();
            }
            for (Object each : list(kustomization.getOrDefault("patches", List.of()))) {
                Map<String, Object> patch = map(each);
                Object kind = patch.containsKey("target") ? mapAt(patch, "target").get("kind")
                        : Repository.yamlDocuments(file.getParent().resolve(text(patch, "path"))).get(0).get("kind");
                assertThat(SHARED_INFRASTRUCTURE).as(file + " patches " + kind).doesNotContain(String.valueOf(kind));
            }
            if (file.getParent().getParent().getFileName().toString().equals("overlays")) {
                assertThat(listAt(kustomization, "resources")).as(file.toString()).contains("../../base");
            }
        }
        Set<String> listed = new TreeSet<>();
        list(Repository.yaml("deploy/k8s/base/kustomization.yaml").get("resources"))
                .forEach(resource -> listed.add(String.valueOf(resource)));
        try (var files = Files.list(Repository.path("deploy/k8s/base"))) {
            assertThat(files.map(file -> file.getFileName().toString())
                    .filter(name -> !name.equals("kustomization.yaml"))).containsExactlyInAnyOrderElementsOf(listed);
        }
    }

    private List<Map<String, Object>> containers() {
        return base.bodiesOfKind("Deployment").stream()
                .flatMap(deployment -> listAt(deployment, "spec.template.spec.containers").stream())
                .map(Yamls::map).toList();
    }

    /** A rule with no sources, or with sources outside the namespace's pods (addresses, other namespaces). */
    private static boolean admitsOutsiders(Map<String, Object> rule) {
        if (!rule.containsKey("from")) {
            return true;
        }
        return list(rule.get("from")).stream().map(Yamls::map)
                .anyMatch(peer -> peer.containsKey("ipBlock") || peer.containsKey("namespaceSelector"));
    }
}
