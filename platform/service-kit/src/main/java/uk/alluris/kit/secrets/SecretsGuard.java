package uk.alluris.kit.secrets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

/**
 * Decides whether a service may start with the secrets it was given: each secret it needs must be set, not blank and
 * not a committed local value; a keyset must be KMS-wrapped unless plaintext ones are allowed; and no setting at all
 * (a partner's secret, say) may hold a committed local value. Says what is wrong with each, naming the variable.
 */
final class SecretsGuard {

    static final String ALLOW_PLAINTEXT_KEYSETS = "alluris.secrets.allow-plaintext-keysets";
    static final String KMS_KEY_URI = "alluris.secrets.kms-key-uri";
    /** Shorter committed values (a list name, a flag) are not secrets, and may well be set in production too. */
    private static final int SECRET_LENGTH = 16;

    private final CommittedValues committed;

    SecretsGuard(CommittedValues committed) {
        this.committed = committed;
    }

    /** What is unsafe, one line per setting; empty when the service may start. */
    List<String> problems(String service, ConfigurableEnvironment environment) {
        Map<String, String> problems = new LinkedHashMap<>();
        boolean plaintextAllowed = environment.getProperty(ALLOW_PLAINTEXT_KEYSETS, Boolean.class, false);
        boolean kms = !environment.getProperty(KMS_KEY_URI, "").isBlank();
        for (PlatformSecret secret : PlatformSecret.of(service)) {
            String value = environment.getProperty(secret.variable());
            String problem = problem(secret, value, plaintextAllowed, kms);
            if (problem != null) {
                problems.put(secret.variable(), secret.variable() + " " + problem + " (it protects " + secret.protects() + ")");
            }
        }
        committedValuesAnywhere(environment, problems);
        return new ArrayList<>(problems.values());
    }

    private String problem(PlatformSecret secret, String value, boolean plaintextAllowed, boolean kms) {
        if (secret.optional() && (value == null || value.isBlank())) {
            return null;
        }
        if (value == null) {
            return "is not set";
        }
        if (value.isBlank()) {
            return "is blank";
        }
        // any committed value, not only this variable's own: a published value moved to another variable is as public
        if (committed.contains(value)) {
            return "still has the committed local value";
        }
        if (secret.kind() == SecretKind.AEAD_KEYSET) {
            if (Keysets.isEncrypted(value) && !kms) {
                return "is an encrypted keyset but ALLURIS_KMS_KEY_URI (the key that unwraps it) is not set";
            }
            if (!Keysets.isEncrypted(value) && !plaintextAllowed) {
                return "is a plaintext keyset: give it wrapped by a KMS key (ALLURIS_KMS_KEY_URI), "
                        + "or allow plaintext keysets with ALLURIS_ALLOW_PLAINTEXT_KEYSETS=true";
            }
        }
        return null;
    }

    private void committedValuesAnywhere(ConfigurableEnvironment environment, Map<String, String> problems) {
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String name : enumerable.getPropertyNames()) {
                    Object raw = enumerable.getProperty(name);
                    String value = raw == null ? "" : raw.toString().strip();
                    if (value.length() >= SECRET_LENGTH && committed.contains(value) && !problems.containsKey(name)) {
                        problems.put(name, name + " still has a committed local value");
                    }
                }
            }
        }
    }
}
