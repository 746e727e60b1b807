package uk.alluris.testsupport;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.KmsClient;
import com.google.crypto.tink.KmsClients;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.security.GeneralSecurityException;

/**
 * A KMS stand-in: a real AES-256-GCM key in this JVM, registered with Tink's KmsClients for {@code test-kms://}, so the
 * production path (encrypted keyset, key URI, KmsClients lookup, unwrap) runs unchanged where no cloud KMS is reachable.
 */
public final class StandInKms implements KmsClient {

    public static final String KEY_URI = "test-kms://alluris/key-encryption-key";
    private static StandInKms registered;

    private final Aead keyEncryptionKey;

    private StandInKms() throws GeneralSecurityException {
        AeadConfig.register();
        keyEncryptionKey = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)
                .getPrimitive(RegistryConfiguration.get(), Aead.class);
    }

    public static synchronized StandInKms register() throws GeneralSecurityException {
        if (registered == null) {
            registered = new StandInKms();
            KmsClients.add(registered);
        }
        return registered;
    }

    @Override
    public boolean doesSupport(String keyUri) {
        return KEY_URI.equals(keyUri);
    }

    @Override
    public KmsClient withCredentials(String credentialPath) {
        return this;
    }

    @Override
    public KmsClient withDefaultCredentials() {
        return this;
    }

    @Override
    public Aead getAead(String keyUri) throws GeneralSecurityException {
        if (!doesSupport(keyUri)) {
            throw new GeneralSecurityException("no such key: " + keyUri);
        }
        return keyEncryptionKey;
    }
}
