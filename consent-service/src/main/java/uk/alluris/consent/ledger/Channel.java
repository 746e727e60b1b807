package uk.alluris.consent.ledger;

/** How a consent decision reached the clinic. */
public enum Channel {
    WEB, EMAIL, SMS, PHONE, IN_CLINIC, LEAD_FORM, PRIVACY_REQUEST
}
