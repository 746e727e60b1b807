package uk.alluris.booking.processor;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the Stripe-shaped processor is and the secret key that lets the clinic call it ({@code sk_live_…} for real
 * Stripe; the simulator checks the local default).
 */
@ConfigurationProperties("alluris.booking.processor")
record ProcessorProperties(String baseUrl, String secretKey, Duration timeout) {

    ProcessorProperties {
        if (baseUrl == null || baseUrl.isBlank()) {
            baseUrl = "https://api.stripe.com";
        }
        if (timeout == null) {
            timeout = Duration.ofSeconds(10);
        }
    }
}
