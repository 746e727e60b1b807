package uk.alluris.rights.contact;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.hybrid.HybridConfig;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import uk.alluris.kit.privacy.Corrections;

/**
 * Seals a requester's contact details with Tink AEAD under the service's keyset, bound to the request's id (so a
 * sealed blob copied onto another request does not open). Only this service can open it, to write to the requester.
 * The same keyset also seals, each under its own associated data, a rectification's corrected details until they fan
 * out, and the private half of an access request's export key for as long as its bundle lives.
 */
public class ContactSeal {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Aead aead;

    /** @param aead the contact keyset's AEAD, opened by the kit's Keysets (KMS-wrapped in production) */
    public ContactSeal(Aead aead) {
        try {
            // the export keys this seal wraps are hybrid (HPKE) keysets
            HybridConfig.register();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot register Tink's hybrid key types", e);
        }
        this.aead = aead;
    }

    public String seal(UUID requestId, Contact contact) {
        try {
            byte[] sealed = aead.encrypt(JSON.writeValueAsBytes(contact), associatedData(requestId));
            return Base64.getEncoder().encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal contact details", e);
        }
    }

    public Contact open(UUID requestId, String sealed) {
        try {
            byte[] plain = aead.decrypt(Base64.getDecoder().decode(sealed), associatedData(requestId));
            return JSON.readValue(plain, Contact.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open the contact details of request " + requestId, e);
        }
    }

    /** A rectification's corrected details, sealed until they fan out. */
    public String sealCorrections(UUID requestId, Corrections corrections) {
        try {
            return Base64.getEncoder().encodeToString(
                    aead.encrypt(JSON.writeValueAsBytes(corrections), correctionsData(requestId)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal corrections", e);
        }
    }

    public Corrections openCorrections(UUID requestId, String sealed) {
        try {
            return JSON.readValue(aead.decrypt(Base64.getDecoder().decode(sealed), correctionsData(requestId)),
                    Corrections.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open the corrections of request " + requestId, e);
        }
    }

    /** A request's private export keyset, encrypted under this keyset (Tink's encrypted-keyset format), bound to the request. */
    public byte[] wrapKey(UUID requestId, KeysetHandle key) {
        try {
            return TinkProtoKeysetFormat.serializeEncryptedKeyset(key, aead, keyData(requestId));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot wrap the export key of request " + requestId, e);
        }
    }

    public KeysetHandle unwrapKey(UUID requestId, byte[] wrapped) {
        try {
            return TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, aead, keyData(requestId));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot unwrap the export key of request " + requestId, e);
        }
    }

    /**
     * Free text the privacy office keeps about a person (a disclosure's details, a complaint and its answer), sealed
     * under {@code purpose} and bound to its record's id, so a blob copied onto another record does not open.
     */
    public String sealText(String purpose, UUID recordId, String text) {
        if (text == null) {
            return null;
        }
        try {
            return Base64.getEncoder().encodeToString(
                    aead.encrypt(text.getBytes(StandardCharsets.UTF_8), textData(purpose, recordId)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal " + purpose, e);
        }
    }

    public String openText(String purpose, UUID recordId, String sealed) {
        if (sealed == null) {
            return null;
        }
        try {
            return new String(aead.decrypt(Base64.getDecoder().decode(sealed), textData(purpose, recordId)),
                    StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open the " + purpose + " of " + recordId, e);
        }
    }

    private static byte[] textData(String purpose, UUID recordId) {
        return ("privacy-office-" + purpose + ":" + recordId).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] correctionsData(UUID requestId) {
        return ("privacy-request-corrections:" + requestId).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] keyData(UUID requestId) {
        return ("privacy-request-export-key:" + requestId).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] associatedData(UUID requestId) {
        return ("privacy-request-contact:" + requestId).getBytes(StandardCharsets.UTF_8);
    }
}
