package uk.alluris.rights.bundle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.alluris.rights.request.Exports;

/**
 * The bundle of an access or portability request, beside the request (same id): its state and the hashes of the
 * download tokens given to the requester (never the tokens). Its parts (each service's sealed export) and the private
 * key that opens them live in {@code bundle_parts} and {@code export_keys}. Made PENDING when the request fans out.
 */
@Document(Bundle.COLLECTION)
class Bundle {

    static final String COLLECTION = "bundles";

    @Id
    UUID requestId;
    @Indexed
    BundleStatus status;
    /** When every registered service had answered (the request's completion). */
    Instant readyAt;
    /** When the parts are deleted and the key destroyed. */
    Instant expiresAt;
    /** When the requester was told by mail that it is ready ({@code null} until the mail went out). */
    Instant noticeSentAt;
    Instant expiredAt;
    List<String> downloadTokenHashes = new ArrayList<>();
    @Version
    Long version;

    void ready(Instant at, Instant until) {
        status = BundleStatus.READY;
        readyAt = at;
        expiresAt = until;
    }

    void noticeSent(Instant at) {
        noticeSentAt = at;
    }

    void expired(Instant at) {
        status = BundleStatus.EXPIRED;
        expiredAt = at;
    }

    /** Ready, and not past its expiry at {@code now} (the expiry job may not have run yet). */
    boolean downloadableAt(Instant now) {
        return status == BundleStatus.READY && now.isBefore(expiresAt);
    }

    /** Whether {@code tokenHash} is the hash of a download token this bundle's request gave out. */
    boolean acceptsDownloadTokenHash(String tokenHash) {
        return downloadTokenHashes != null && downloadTokenHashes.stream().anyMatch(known -> MessageDigest.isEqual(
                known.getBytes(StandardCharsets.US_ASCII), tokenHash.getBytes(StandardCharsets.US_ASCII)));
    }

    Exports.BundleView view() {
        return new Exports.BundleView(status.name(), readyAt, expiresAt, expiredAt);
    }
}
