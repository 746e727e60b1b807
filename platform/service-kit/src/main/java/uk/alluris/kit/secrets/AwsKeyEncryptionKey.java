package uk.alluris.kit.secrets;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.integration.awskms.AwsKmsClient;
import java.security.GeneralSecurityException;

/** A key in AWS KMS, with the default credentials chain (kept apart so tink-awskms loads only if used). */
final class AwsKeyEncryptionKey {

    private AwsKeyEncryptionKey() {
    }

    static Aead aead(String keyUri) throws GeneralSecurityException {
        return new AwsKmsClient(keyUri).withDefaultCredentials().getAead(keyUri);
    }
}
