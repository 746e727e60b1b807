package uk.alluris.gateway.staff.mfa;

import com.google.crypto.tink.Aead;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * TOTP secrets are stored only sealed (Tink AEAD, bound to the account they belong to), so a copy of the database
 * gives nobody the second factor and a secret cannot be moved to another account.
 */
public final class TotpSecretSeal {

    private final Aead aead;

    public TotpSecretSeal(Aead aead) {
        this.aead = aead;
    }

    public String seal(byte[] secret, String account) {
        try {
            return Base64.getEncoder().encodeToString(aead.encrypt(secret, aad(account)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a TOTP secret", e);
        }
    }

    public byte[] open(String sealed, String account) {
        try {
            return aead.decrypt(Base64.getDecoder().decode(sealed), aad(account));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored TOTP secret cannot be opened with the configured keyset", e);
        }
    }

    private static byte[] aad(String account) {
        return ("alluris-staff-totp:" + account).getBytes(StandardCharsets.UTF_8);
    }
}
