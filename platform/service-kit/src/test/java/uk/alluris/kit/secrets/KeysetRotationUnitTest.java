package uk.alluris.kit.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.Aead;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.alluris.testsupport.StandInKms;

/** Rotating a keyset: a key added first decrypts everywhere, then made primary encrypts; old data keeps opening. */
class KeysetRotationUnitTest {

    private static final byte[] CONTEXT = "subject-1".getBytes(StandardCharsets.UTF_8);
    private final Keysets plaintext = new Keysets("", true);

    @Test
    void anAddedKeyDecryptsBeforeItEncryptsAndOncePromotedOldDataStillOpens() throws Exception {
        String original = SecretKind.AEAD_KEYSET.generate(Optional.empty());
        byte[] before = aead(original).encrypt(bytes("before"), CONTEXT);

        String added = KeysetRotation.addKey("KEYSET", original, Optional.empty());
        byte[] whileAdded = aead(added).encrypt(bytes("while added"), CONTEXT);
        String promoted = KeysetRotation.promoteNewest("KEYSET", added, Optional.empty());
        byte[] after = aead(promoted).encrypt(bytes("after"), CONTEXT);

        // adding changes nothing yet: replicas still on the original keyset read what the others write
        assertThat(aead(original).decrypt(whileAdded, CONTEXT)).isEqualTo(bytes("while added"));
        assertThat(aead(promoted).decrypt(before, CONTEXT)).isEqualTo(bytes("before"));
        assertThat(aead(promoted).decrypt(after, CONTEXT)).isEqualTo(bytes("after"));
        // once promoted, new data is under the new key, which the original keyset does not hold
        assertThatThrownBy(() -> aead(original).decrypt(after, CONTEXT)).isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void aWrappedKeysetStaysWrappedByTheSameKmsKey() throws Exception {
        StandInKms.register();
        Aead kek = KeyEncryptionKeys.aead(StandInKms.KEY_URI);
        String original = SecretKind.AEAD_KEYSET.generate(Optional.of(kek));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        KeysetRotation.run(List.of("add-key", "ALLURIS_RECORDS_MASTER_KEYSET", "--kms-key-uri=" + StandInKms.KEY_URI),
                Map.of("ALLURIS_RECORDS_MASTER_KEYSET", original), new PrintStream(out, true, StandardCharsets.UTF_8));

        String printed = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(printed).startsWith("ALLURIS_RECORDS_MASTER_KEYSET=");
        String added = printed.substring(printed.indexOf('=') + 1);
        assertThat(Keysets.isEncrypted(added)).isTrue();
        Keysets wrapped = new Keysets(StandInKms.KEY_URI, false);
        byte[] ciphertext = wrapped.aead("K", original).encrypt(bytes("x"), CONTEXT);
        assertThat(wrapped.aead("K", added).decrypt(ciphertext, CONTEXT)).isEqualTo(bytes("x"));
    }

    private Aead aead(String keyset) {
        return plaintext.aead("KEYSET", keyset);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
