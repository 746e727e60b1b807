package uk.alluris.kit.secrets;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KmsClients;
import java.security.GeneralSecurityException;

/**
 * The AEAD of a key held in a KMS, found by its URI: a KmsClient registered with Tink's {@link KmsClients} first (how
 * another KMS, or a stand-in, is plugged in), else Google Cloud KMS for {@code gcp-kms://} and AWS KMS for
 * {@code aws-kms://}, each with the platform's default credentials (workload identity, instance role, or the usual
 * environment variables). Each provider is touched only when its URI is used, so a service without its jar still runs.
 */
final class KeyEncryptionKeys {

    private KeyEncryptionKeys() {
    }

    static Aead aead(String keyUri) throws GeneralSecurityException {
        try {
            return KmsClients.get(keyUri).getAead(keyUri);
        } catch (GeneralSecurityException noRegisteredClient) {
            if (keyUri.startsWith("gcp-kms://")) {
                return GcpKeyEncryptionKey.aead(keyUri);
            }
            if (keyUri.startsWith("aws-kms://")) {
                return AwsKeyEncryptionKey.aead(keyUri);
            }
            throw new GeneralSecurityException("no KMS client for " + keyUri
                    + " (gcp-kms:// and aws-kms:// are supported)", noRegisteredClient);
        }
    }
}
