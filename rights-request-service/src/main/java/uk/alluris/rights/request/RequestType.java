package uk.alluris.rights.request;

/** What a person asked for. Later types (access, portability, rectification) join here and in the event catalogue. */
public enum RequestType {
    ERASURE, RESTRICTION, LIFT_RESTRICTION, OBJECTION_TO_MARKETING
}
