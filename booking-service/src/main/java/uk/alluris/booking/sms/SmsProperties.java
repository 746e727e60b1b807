package uk.alluris.booking.sms;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Twilio-shaped SMS provider: where it is, the account it sends from and the number (or sender id) it sends as.
 * The account SID and auth token are platform secrets (kit {@code PlatformSecret}).
 */
@ConfigurationProperties("alluris.booking.sms")
record SmsProperties(String baseUrl, String accountSid, String authToken, String from, Duration timeout) {

    SmsProperties {
        if (baseUrl == null || baseUrl.isBlank()) {
            baseUrl = "https://api.twilio.com";
        }
        if (from == null || from.isBlank()) {
            from = "Alluris";
        }
        if (timeout == null) {
            timeout = Duration.ofSeconds(10);
        }
    }
}
