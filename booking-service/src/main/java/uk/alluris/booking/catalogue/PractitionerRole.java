package uk.alluris.booking.catalogue;

/** What a practitioner is qualified to do; a prescriber may hold the consultation prescription-only treatments need. */
public enum PractitionerRole {
    PRESCRIBER, AESTHETIC_PRACTITIONER, SKIN_THERAPIST
}
