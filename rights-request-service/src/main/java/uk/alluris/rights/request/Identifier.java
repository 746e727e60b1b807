package uk.alluris.rights.request;

/**
 * An identifier a request can name a person by. Only proven ones reach the services: the email address by the mailed
 * code or the requester's sign-in, either of them when the privacy officer records it as checked. A name is never one:
 * it is shown to the officer, never matched on.
 */
enum Identifier {
    EMAIL, PHONE
}
