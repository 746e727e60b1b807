package uk.alluris.rights.request;

/** What a person asked for; each fans out as its own event type (see the event catalogue). */
public enum RequestType {
    ERASURE, RESTRICTION, LIFT_RESTRICTION, OBJECTION_TO_MARKETING, ACCESS, PORTABILITY, RECTIFICATION;

    /** Access and portability: every service sends back what it holds, sealed, and the answer is a bundle. */
    public boolean isExport() {
        return this == ACCESS || this == PORTABILITY;
    }
}
