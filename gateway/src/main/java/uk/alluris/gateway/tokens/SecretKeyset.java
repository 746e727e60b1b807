package uk.alluris.gateway.tokens;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/** A Tink AEAD keyset from configuration (Tink's JSON form, or that JSON in base64), named in any error. */
public final class SecretKeyset {

    private SecretKeyset() {
    }

    public static Aead aead(String keyset, String variable) {
        if (keyset == null || keyset.isBlank()) {
            throw new IllegalStateException(variable + " is not set: it must hold a Tink AEAD keyset");
        }
        try {
            AeadConfig.register();
            String json = keyset.strip().startsWith("{") ? keyset
                    : new String(Base64.getMimeDecoder().decode(keyset.strip()), StandardCharsets.UTF_8);
            return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get())
                    .getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(variable + " is not a valid Tink AEAD keyset", e);
        }
    }
}
