package uk.alluris.kit.privacy;

import com.google.crypto.tink.HybridDecrypt;
import com.google.crypto.tink.HybridEncrypt;
import com.google.crypto.tink.KeyTemplates;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.hybrid.HybridConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Export encryption for access and portability requests (Tink hybrid encryption, HPKE X25519 / HKDF-SHA256 /
 * AES-256-GCM). The rights-request service mints a key pair per request and sends the public half with the request;
 * each service gzips its export and seals it to that key, bound to the request id and its own name. Only the private
 * half opens it — and that is destroyed when the bundle expires, leaving every copy still in a topic unreadable.
 */
public final class ExportSeal {

    static {
        try {
            HybridConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private ExportSeal() {
    }

    /** A fresh key pair for one request. */
    public static KeysetHandle newRecipientKey() {
        try {
            return KeysetHandle.generateNew(KeyTemplates.get("DHKEM_X25519_HKDF_SHA256_HKDF_SHA256_AES_256_GCM_RAW"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot mint an export key", e);
        }
    }

    /** The public half, in Tink's JSON keyset form, as {@code DataExportRequested.recipientKey} carries it. */
    public static String publicKeyOf(KeysetHandle recipient) {
        try {
            return TinkJsonProtoKeysetFormat.serializeKeysetWithoutSecret(recipient.getPublicKeysetHandle());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot publish an export key", e);
        }
    }

    /** Gzips and seals a service's export JSON; base64. */
    public static String seal(String recipientKey, byte[] exportJson, UUID requestId, String service) {
        try {
            HybridEncrypt encrypt = TinkJsonProtoKeysetFormat.parseKeysetWithoutSecret(recipientKey)
                    .getPrimitive(RegistryConfiguration.get(), HybridEncrypt.class);
            return Base64.getEncoder().encodeToString(encrypt.encrypt(gzip(exportJson), context(requestId, service)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the request's recipient key is not a Tink hybrid public keyset", e);
        }
    }

    /** Opens one service's sealed export with the request's private key; the export JSON. */
    public static byte[] open(KeysetHandle recipient, String sealed, UUID requestId, String service)
            throws GeneralSecurityException {
        HybridDecrypt decrypt = recipient.getPrimitive(RegistryConfiguration.get(), HybridDecrypt.class);
        return gunzip(decrypt.decrypt(Base64.getDecoder().decode(sealed), context(requestId, service)));
    }

    private static byte[] context(UUID requestId, String service) {
        return ("alluris-export:" + requestId + ":" + service).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(byte[] packed) {
        try (GZIPInputStream gz = new GZIPInputStream(new ByteArrayInputStream(packed))) {
            return gz.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
