package uk.alluris.deploy;

import java.util.List;
import java.util.Map;

/** Walking parsed YAML (maps, lists and scalars) with a clear failure when a member is missing. */
final class Yamls {

    private Yamls() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        if (!(node instanceof Map<?, ?> map)) {
            throw new AssertionError("expected a mapping, found " + node);
        }
        return (Map<String, Object>) map;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node) {
        if (!(node instanceof List<?> list)) {
            throw new AssertionError("expected a list, found " + node);
        }
        return (List<Object>) list;
    }

    /** The node at a dotted path of mapping keys ({@code spec.template.spec}); missing members fail the test. */
    static Object at(Map<String, Object> root, String path) {
        Object node = root;
        for (String key : path.split("\\.")) {
            Map<String, Object> map = map(node);
            if (!map.containsKey(key)) {
                throw new AssertionError("no '" + key + "' (of " + path + ") in " + map.keySet());
            }
            node = map.get(key);
        }
        return node;
    }

    static Map<String, Object> mapAt(Map<String, Object> root, String path) {
        return map(at(root, path));
    }

    static List<Object> listAt(Map<String, Object> root, String path) {
        return list(at(root, path));
    }

    static String text(Map<String, Object> root, String path) {
        return String.valueOf(at(root, path));
    }
}
