package uk.alluris.rights.request;

/**
 * A request as filing or proving it leaves it, with the download token minted by that call for an export request the
 * requester proved themselves ({@code null} otherwise): shown in that call's answer only, never stored.
 */
record FilingAnswer(PrivacyRequest request, String downloadToken) {
}
