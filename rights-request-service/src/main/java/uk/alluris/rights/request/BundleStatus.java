package uk.alluris.rights.request;

/**
 * Where an access or portability request's bundle stands: waiting for the services' exports, ready to download, or
 * deleted with its key destroyed.
 */
public enum BundleStatus {
    PENDING, READY, EXPIRED
}
