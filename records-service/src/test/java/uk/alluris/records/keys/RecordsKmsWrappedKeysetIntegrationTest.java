package uk.alluris.records.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.alluris.testsupport.StandInKms;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

/**
 * The master keyset given as production gives it: encrypted under a KMS key, with that key's URI. The service unwraps
 * it at start through the same code a gcp-kms:// or aws-kms:// key takes (a KMS stand-in registered for its URI), and
 * every subject's key is wrapped by that master.
 */
@SpringBootTest
@UsesEmbeddedInfrastructure
class RecordsKmsWrappedKeysetIntegrationTest {

    private static KeysetHandle master;

    @Autowired
    SubjectKeys keys;
    @Autowired
    MongoTemplate mongo;

    @DynamicPropertySource
    static void masterKeysetWrappedByTheKms(DynamicPropertyRegistry registry) throws Exception {
        AeadConfig.register();
        Aead kms = StandInKms.register().getAead(StandInKms.KEY_URI);
        master = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        String wrapped = TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(master, kms, new byte[0]);
        registry.add("alluris.records.master-keyset",
                () -> Base64.getEncoder().encodeToString(wrapped.getBytes(StandardCharsets.UTF_8)));
        registry.add("alluris.secrets.kms-key-uri", () -> StandInKms.KEY_URI);
    }

    @Test
    void subjectKeysAreWrappedByTheMasterKeysetTheKmsUnwrapped() throws Exception {
        String subject = UUID.randomUUID().toString();
        byte[] sealed = keys.keyFor(subject).encrypt("allergic to lidocaine".getBytes(StandardCharsets.UTF_8), new byte[0]);

        Document stored = mongo.findById(subject, Document.class, SubjectKeys.COLLECTION);
        Aead masterAead = master.getPrimitive(RegistryConfiguration.get(), Aead.class);
        Aead subjectKey = TinkProtoKeysetFormat.parseEncryptedKeyset(
                        Base64.getDecoder().decode(stored.getString("wrappedKeyset")), masterAead,
                        ("records-subject-key:" + subject).getBytes(StandardCharsets.UTF_8))
                .getPrimitive(RegistryConfiguration.get(), Aead.class);

        assertThat(new String(subjectKey.decrypt(sealed, new byte[0]), StandardCharsets.UTF_8))
                .isEqualTo("allergic to lidocaine");
    }
}
