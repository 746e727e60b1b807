package uk.alluris.rights.bundle;

/**
 * Where an access or portability request's bundle stands: waiting for the services' exports, ready to download, or
 * deleted with its key destroyed.
 */
enum BundleStatus {
    PENDING, READY, EXPIRED
}
