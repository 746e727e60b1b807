package uk.alluris.deploy;

import static uk.alluris.deploy.Yamls.map;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every resource of every file under a deploy/k8s folder, with the file it came from. */
record KubernetesResources(List<Resource> all) {

    record Resource(Path file, Map<String, Object> body) {

        String kind() {
            return String.valueOf(body.get("kind"));
        }

        String name() {
            return Yamls.text(body, "metadata.name");
        }
    }

    static KubernetesResources under(String folder) {
        List<Resource> resources = new ArrayList<>();
        for (Path file : Repository.yamlFilesUnder(folder)) {
            Repository.yamlDocuments(file).forEach(body -> resources.add(new Resource(file, body)));
        }
        return new KubernetesResources(resources);
    }

    List<Resource> ofKind(String kind) {
        return all.stream().filter(resource -> resource.kind().equals(kind)).toList();
    }

    List<Map<String, Object>> bodiesOfKind(String kind) {
        return ofKind(kind).stream().map(Resource::body).toList();
    }

    /** Whether a label selector's matchLabels (empty: every pod) select a pod with these labels. */
    static boolean selects(Object selector, Map<String, Object> podLabels) {
        Map<String, Object> matchLabels = map(selector).containsKey("matchLabels")
                ? map(map(selector).get("matchLabels")) : Map.of();
        return matchLabels.entrySet().stream()
                .allMatch(label -> label.getValue().equals(podLabels.get(label.getKey())));
    }
}
