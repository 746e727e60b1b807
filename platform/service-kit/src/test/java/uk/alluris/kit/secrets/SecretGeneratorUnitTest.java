package uk.alluris.kit.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.Aead;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.alluris.testsupport.StandInKms;

class SecretGeneratorUnitTest {

    @Test
    void everyPlatformSecretGetsAValueLineReadyForAnEnvFile() throws Exception {
        Map<String, String> values = generate(List.of());

        assertThat(values.keySet()).containsExactlyInAnyOrder(
                Arrays.stream(PlatformSecret.values()).map(PlatformSecret::variable).toArray(String[]::new));
        assertThat(values.values()).allSatisfy(value -> assertThat(value).doesNotContain("\n", " "));
        Arrays.stream(PlatformSecret.values()).filter(secret -> secret.kind() != SecretKind.GIVEN)
                .forEach(secret -> assertThat(values.get(secret.variable())).isNotBlank());
    }

    @Test
    void aSecretAnotherPartyIssuesIsLeftEmptyForTheOperatorToFillIn() throws Exception {
        assertThat(generate(List.of()).get("KAFKA_SASL_JAAS_CONFIG")).isEmpty();
    }

    @Test
    void randomSecretsAreThirtyTwoFreshBytes() throws Exception {
        String first = generate(List.of()).get("ALLURIS_BLIND_INDEX_SECRET");
        String second = generate(List.of()).get("ALLURIS_BLIND_INDEX_SECRET");

        assertThat(Base64.getDecoder().decode(first)).hasSize(32);
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void generatedKeysetsLoadWithTinkAndDifferEachRun() throws Exception {
        String first = generate(List.of()).get("ALLURIS_RECORDS_MASTER_KEYSET");
        String second = generate(List.of()).get("ALLURIS_RECORDS_MASTER_KEYSET");
        Keysets plaintextAllowed = new Keysets("", true);

        Aead aead = plaintextAllowed.aead("ALLURIS_RECORDS_MASTER_KEYSET", first);
        byte[] sealed = aead.encrypt("clinical note".getBytes(StandardCharsets.UTF_8), new byte[0]);

        assertThat(first).isNotEqualTo(second);
        assertThat(new String(aead.decrypt(sealed, new byte[0]), StandardCharsets.UTF_8)).isEqualTo("clinical note");
        assertThatThrownBy(() -> plaintextAllowed.aead("ALLURIS_RECORDS_MASTER_KEYSET", second).decrypt(sealed, new byte[0]))
                .isInstanceOf(java.security.GeneralSecurityException.class);
    }

    @Test
    void keysetsWrappedByAKmsKeyOpenOnlyThroughThatKey() throws Exception {
        StandInKms.register();
        Map<String, String> values = generate(List.of("--kms-key-uri=" + StandInKms.KEY_URI, "ALLURIS_RIGHTS_CONTACT_KEYSET"));
        String wrapped = values.get("ALLURIS_RIGHTS_CONTACT_KEYSET");

        assertThat(values).containsEntry("ALLURIS_KMS_KEY_URI", StandInKms.KEY_URI).hasSize(2);
        assertThat(Keysets.isEncrypted(wrapped)).isTrue();
        Aead aead = new Keysets(StandInKms.KEY_URI, false).aead("ALLURIS_RIGHTS_CONTACT_KEYSET", wrapped);
        assertThat(aead.decrypt(aead.encrypt(new byte[] {1, 2, 3}, new byte[0]), new byte[0])).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> new Keysets("", true).aead("ALLURIS_RIGHTS_CONTACT_KEYSET", wrapped))
                .hasMessageContaining("ALLURIS_KMS_KEY_URI is not set");
    }

    @Test
    void aPlaintextKeysetIsRefusedWhereNoneIsAllowed() throws Exception {
        String plaintext = generate(List.of("ALLURIS_RECORDS_MASTER_KEYSET")).get("ALLURIS_RECORDS_MASTER_KEYSET");

        assertThatThrownBy(() -> new Keysets(StandInKms.KEY_URI, false).aead("ALLURIS_RECORDS_MASTER_KEYSET", plaintext))
                .hasMessageContaining("ALLURIS_RECORDS_MASTER_KEYSET is a plaintext keyset");
    }

    @Test
    void anUnknownVariableIsRefusedBeforeAnythingIsPrinted() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThatThrownBy(() -> SecretGenerator.print(List.of("ALLURIS_NO_SUCH_SECRET"), new PrintStream(out)))
                .hasMessageContaining("not a platform secret: ALLURIS_NO_SUCH_SECRET");
        assertThat(out.size()).isZero();
    }

    private static Map<String, String> generate(List<String> args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SecretGenerator.print(args, new PrintStream(out, true, StandardCharsets.UTF_8));
        Map<String, String> values = new LinkedHashMap<>();
        out.toString(StandardCharsets.UTF_8).lines().filter(line -> !line.startsWith("#")).forEach(line -> {
            int equals = line.indexOf('=');
            values.put(line.substring(0, equals), line.substring(equals + 1));
        });
        return values;
    }
}
