package uk.alluris.events;

/** What a service did with one category of a person's data. */
public enum Outcome {
    ERASED, RETAINED, RESTRICTED, EXPORTED, RECTIFIED, NOT_HELD
}
