package uk.alluris.records.entries;

/** The kinds of clinical record this service holds. */
enum EntryKind {
    MEDICAL_HISTORY, CONSULTATION, TREATMENT, AFTERCARE, CONSENT_FORM, PHOTO_METADATA
}
