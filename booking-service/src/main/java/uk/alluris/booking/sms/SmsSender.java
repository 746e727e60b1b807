package uk.alluris.booking.sms;

/**
 * Sends a text message through an SMS provider. The number is normalised to E.164 first (libphonenumber, the
 * platform's default region), so a provider never sees a local spelling.
 */
public interface SmsSender {

    /**
     * Sends {@code body} to {@code phone}; {@code messageKey} names this message for good, so a provider that honours
     * it sends a repeated call once. Returns the provider's id for the message.
     *
     * @throws SmsFailed when the provider could not be reached or refused the message
     */
    String send(String phone, String body, String messageKey);

    /** The provider did not take the message; nothing was sent (or the provider will say so by the same key). */
    class SmsFailed extends RuntimeException {

        public SmsFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
