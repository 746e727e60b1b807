package uk.alluris.rights.request;

import java.time.Instant;

/**
 * The bundle of an access or portability request. Its parts (each service's sealed export) and the private key that
 * opens them live beside the request ({@code bundle_parts}, {@code export_keys}); this is its state.
 *
 * @param readyAt when every registered service had answered
 * @param expiresAt when the parts are deleted and the key destroyed
 * @param noticeSentAt when the requester was told by mail that it is ready ({@code null} until the mail went out)
 * @param expiredAt when it was deleted
 */
public record Bundle(BundleStatus status, Instant readyAt, Instant expiresAt, Instant noticeSentAt, Instant expiredAt) {

    static Bundle pending() {
        return new Bundle(BundleStatus.PENDING, null, null, null, null);
    }

    Bundle ready(Instant at, Instant until) {
        return new Bundle(BundleStatus.READY, at, until, null, null);
    }

    Bundle noticeSent(Instant at) {
        return new Bundle(status, readyAt, expiresAt, at, expiredAt);
    }

    Bundle expired(Instant at) {
        return new Bundle(BundleStatus.EXPIRED, readyAt, expiresAt, noticeSentAt, at);
    }

    /** Ready, and not past its expiry at {@code now} (the expiry job may not have run yet). */
    public boolean downloadableAt(Instant now) {
        return status == BundleStatus.READY && now.isBefore(expiresAt);
    }
}
