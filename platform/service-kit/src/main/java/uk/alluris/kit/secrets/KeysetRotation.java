package uk.alluris.kit.secrets;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The two steps of rotating a keyset variable, each printing the variable's next value (docs/kafka-and-keys.md):
 * {@code add-key} adds a fresh AES-256-GCM key that decrypts but does not yet encrypt (deploy it to every replica
 * first), {@code promote} makes the newest key the one that encrypts. Old keys stay, so stored data keeps opening.
 * <pre>
 * ./mvnw -q -pl platform/service-kit -am compile exec:java -Dexec.mainClass=uk.alluris.kit.secrets.KeysetRotation \
 *     -Dexec.args="add-key ALLURIS_RECORDS_MASTER_KEYSET --kms-key-uri=$ALLURIS_KMS_KEY_URI"
 * </pre>
 * The current value is read from the environment variable of that name; a wrapped keyset stays wrapped by the same
 * KMS key.
 */
public final class KeysetRotation {

    private static final String KMS_OPTION = "--kms-key-uri=";

    private KeysetRotation() {
    }

    public static void main(String[] args) throws GeneralSecurityException {
        run(List.of(args), System.getenv(), System.out);
    }

    static void run(List<String> args, java.util.Map<String, String> environment, PrintStream out)
            throws GeneralSecurityException {
        List<String> words = args.stream().filter(arg -> !arg.startsWith("--")).toList();
        if (words.size() != 2 || !List.of("add-key", "promote").contains(words.get(0))) {
            throw new IllegalArgumentException("usage: add-key|promote <KEYSET_VARIABLE> [--kms-key-uri=<uri>]");
        }
        String variable = words.get(1);
        Optional<String> kmsKeyUri = args.stream().filter(arg -> arg.startsWith(KMS_OPTION)).findFirst()
                .map(arg -> arg.substring(KMS_OPTION.length()));
        Optional<Aead> kek = kmsKeyUri.isPresent() ? Optional.of(KeyEncryptionKeys.aead(kmsKeyUri.get())) : Optional.empty();
        String value = environment.get(variable);
        String next = words.get(0).equals("add-key") ? addKey(variable, value, kek) : promoteNewest(variable, value, kek);
        out.println(variable + "=" + next);
    }

    /** The keyset with a fresh key added behind the primary one. */
    static String addKey(String variable, String value, Optional<Aead> kek) throws GeneralSecurityException {
        KeysetHandle.Builder keyset = KeysetHandle.newBuilder(parse(variable, value, kek));
        keyset.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM).withRandomId());
        return serialise(keyset.build(), value, kek);
    }

    /** The keyset with its newest (last added) key made primary. */
    static String promoteNewest(String variable, String value, Optional<Aead> kek) throws GeneralSecurityException {
        KeysetHandle.Builder keyset = KeysetHandle.newBuilder(parse(variable, value, kek));
        keyset.getAt(keyset.size() - 1).makePrimary();
        return serialise(keyset.build(), value, kek);
    }

    private static KeysetHandle parse(String variable, String value, Optional<Aead> kek) throws GeneralSecurityException {
        AeadConfig.register();
        String json = Keysets.json(variable, value);
        if (Keysets.isEncrypted(json)) {
            return TinkJsonProtoKeysetFormat.parseEncryptedKeyset(json, kek.orElseThrow(() ->
                    new IllegalArgumentException(variable + " is wrapped: give --kms-key-uri")), new byte[0]);
        }
        return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
    }

    private static String serialise(KeysetHandle keyset, String original, Optional<Aead> kek) throws GeneralSecurityException {
        String json = Keysets.isEncrypted(original)
                ? TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(keyset, kek.orElseThrow(), new byte[0])
                : TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
