package uk.alluris.kit.secrets;

import com.google.crypto.tink.Aead;
import java.io.PrintStream;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prints a fresh value for every production secret as {@code VAR=value} lines, ready for an env file or a secret
 * store:
 * <pre>
 * ./mvnw -q -pl platform/service-kit -am compile exec:java -Dexec.mainClass=uk.alluris.kit.secrets.SecretGenerator
 * </pre>
 * Arguments: {@code --kms-key-uri=<uri>} wraps each keyset under that KMS key (then set {@code ALLURIS_KMS_KEY_URI} to
 * the same URI); any variable names limit the output to those. Nothing is stored anywhere.
 */
public final class SecretGenerator {

    private static final String KMS_OPTION = "--kms-key-uri=";

    private SecretGenerator() {
    }

    public static void main(String[] args) throws GeneralSecurityException {
        print(Arrays.asList(args), System.out);
    }

    /** A fresh value for every platform secret, keysets in plaintext (for a start that allows plaintext keysets). */
    public static Map<String, String> freshValues() {
        Map<String, String> values = new LinkedHashMap<>();
        for (PlatformSecret secret : PlatformSecret.values()) {
            values.put(secret.variable(), secret.kind().generate(Optional.empty()));
        }
        return values;
    }

    static void print(List<String> args, PrintStream out) throws GeneralSecurityException {
        Optional<String> kmsKeyUri = args.stream().filter(arg -> arg.startsWith(KMS_OPTION))
                .map(arg -> arg.substring(KMS_OPTION.length())).findFirst();
        List<String> wanted = args.stream().filter(arg -> !arg.startsWith("--")).toList();
        List<String> unknown = new ArrayList<>(wanted);
        Arrays.stream(PlatformSecret.values()).forEach(secret -> unknown.remove(secret.variable()));
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("not a platform secret: " + String.join(", ", unknown));
        }
        Optional<Aead> keyEncryptionKey = kmsKeyUri.isPresent()
                ? Optional.of(KeyEncryptionKeys.aead(kmsKeyUri.get())) : Optional.empty();
        out.println("# Alluris Platform secrets, generated " + Instant.now() + ". Keep them in a secret store.");
        kmsKeyUri.ifPresent(uri -> out.println("ALLURIS_KMS_KEY_URI=" + uri));
        if (kmsKeyUri.isEmpty()) {
            out.println("# Keysets below are plaintext: wrap them (--kms-key-uri=...) or set ALLURIS_ALLOW_PLAINTEXT_KEYSETS=true");
        }
        for (PlatformSecret secret : PlatformSecret.values()) {
            if (wanted.isEmpty() || wanted.contains(secret.variable())) {
                out.println("# " + (secret.kind() == SecretKind.GIVEN ? "fill in: " : "") + secret.protects());
                out.println(secret.variable() + "=" + secret.kind().generate(keyEncryptionKey));
            }
        }
    }
}
