package uk.alluris.events;

/**
 * What a service did with one category of a person's data.
 * <ul>
 * <li>{@code ERASED}, {@code RETAINED} (with a legal ground and, where it ends, a date), {@code RESTRICTED},
 * {@code EXPORTED}, {@code RECTIFIED}, {@code NOT_HELD}: as docs/privacy-requests.md names them;</li>
 * <li>{@code WITHDRAWN}: a use ended (consent withdrawn, unsubscribed, photos' marketing use stopped) while the data
 * itself stays;</li>
 * <li>{@code RESTRICTION_LIFTED}: normal processing restored.</li>
 * </ul>
 * New values are additive; a consumer that does not know one shows it as it is.
 */
public enum Outcome {
    ERASED, RETAINED, RESTRICTED, EXPORTED, RECTIFIED, NOT_HELD, WITHDRAWN, RESTRICTION_LIFTED
}
