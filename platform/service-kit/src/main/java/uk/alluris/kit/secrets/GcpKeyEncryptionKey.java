package uk.alluris.kit.secrets;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.integration.gcpkms.GcpKmsClient;
import java.security.GeneralSecurityException;

/** A key in Google Cloud KMS, with application default credentials (kept apart so tink-gcpkms loads only if used). */
final class GcpKeyEncryptionKey {

    private GcpKeyEncryptionKey() {
    }

    static Aead aead(String keyUri) throws GeneralSecurityException {
        return new GcpKmsClient(keyUri).withDefaultCredentials().getAead(keyUri);
    }
}
