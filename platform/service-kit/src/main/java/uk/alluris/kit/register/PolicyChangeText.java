package uk.alluris.kit.register;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import uk.alluris.events.PolicyVersionPublished;

/**
 * The mail that tells a person of a material change to the privacy policy, the same from every service that holds
 * addresses (booking its clients, marketing its consenting subscribers): the version, when it takes effect, what
 * changes, where every version is, and the route to the ICO.
 */
public record PolicyChangeText(String subject, String body) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    public static PolicyChangeText of(PolicyVersionPublished published, String policyUrl) {
        return new PolicyChangeText("We are changing our privacy policy", """
                We have published a new version of our privacy policy (version %s). It takes effect on %s.

                What changes: %s

                You can read the whole policy, and every earlier version, at %s. If you have any questions, reply to
                this message or write to info@drallurisaesthetics.co.uk. You may also complain to the Information
                Commissioner's Office (ico.org.uk, 0303 123 1113).

                Dr Alluris Aesthetics — data protection
                """.formatted(published.version(), DAY.format(published.effectiveFrom()), published.summary(), policyUrl));
    }
}
