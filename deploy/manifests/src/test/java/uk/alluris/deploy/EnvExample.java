package uk.alluris.deploy;

import java.util.LinkedHashMap;
import java.util.Map;

/** deploy/compose/.env.example read by section: platform secrets, infrastructure secrets, settings. */
record EnvExample(Map<String, String> platformSecrets, Map<String, String> infrastructureSecrets,
        Map<String, String> settings) {

    static EnvExample read() {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        Map<String, String> current = null;
        for (String line : Repository.read("deploy/compose/.env.example").split("\n")) {
            if (line.startsWith("# ----")) {
                current = sections.computeIfAbsent(line.replaceAll("[#-]", "").trim(), name -> new LinkedHashMap<>());
            } else if (!line.isBlank() && !line.startsWith("#")) {
                if (current == null) {
                    throw new AssertionError("a variable before the first section: " + line);
                }
                int equals = line.indexOf('=');
                current.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return new EnvExample(sections.getOrDefault("platform secrets", Map.of()),
                sections.getOrDefault("infrastructure secrets", Map.of()),
                sections.getOrDefault("settings (not secret)", Map.of()));
    }

    boolean lists(String variable) {
        return platformSecrets.containsKey(variable) || infrastructureSecrets.containsKey(variable)
                || settings.containsKey(variable);
    }
}
