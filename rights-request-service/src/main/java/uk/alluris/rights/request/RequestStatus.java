package uk.alluris.rights.request;

/** Where a request stands: waiting for the requester to prove the address, being carried out, or answered by all. */
public enum RequestStatus {
    AWAITING_VERIFICATION, IN_PROGRESS, COMPLETED
}
