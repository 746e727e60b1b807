package uk.alluris.marketing.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import uk.alluris.kit.problem.ProblemException;

public class SignedLinksTest {

    private static final Instant NOW = Instant.parse("2026-02-01T10:00:00Z");
    private final SignedLinks links = new SignedLinks("a-test-link-secret-of-some-length", Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aConfirmationTokenOpensToItsSignUpUntilItExpires() {
        UUID id = UUID.randomUUID();
        String token = links.confirmation(id, NOW.plus(Duration.ofHours(48)));

        assertThat(links.openConfirmation(token)).isEqualTo(id);
        SignedLinks later = new SignedLinks("a-test-link-secret-of-some-length",
                Clock.fixed(NOW.plus(Duration.ofHours(49)), ZoneOffset.UTC));
        assertThatThrownBy(() -> later.openConfirmation(token)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.GONE));
    }

    @Test
    void anUnsubscribeTokenOpensToItsSubscriberAndNeverExpires() {
        UUID id = UUID.randomUUID();
        String token = links.unsubscribe(id);
        SignedLinks yearsLater = new SignedLinks("a-test-link-secret-of-some-length",
                Clock.fixed(NOW.plus(Duration.ofDays(3650)), ZoneOffset.UTC));

        assertThat(links.openUnsubscribe(token)).isEqualTo(id);
        assertThat(yearsLater.openUnsubscribe(token)).isEqualTo(id);
    }

    @Test
    void aForgedTamperedOrMisusedTokenIsA400() {
        UUID id = UUID.randomUUID();
        String unsubscribe = links.unsubscribe(id);
        String confirmation = links.confirmation(id, NOW.plusSeconds(60));
        SignedLinks stranger = new SignedLinks("somebody-elses-link-secret-entirely", Clock.systemUTC());
        String otherPayload = links.unsubscribe(UUID.randomUUID());
        String spliced = otherPayload.substring(0, otherPayload.indexOf('.')) + unsubscribe.substring(unsubscribe.indexOf('.'));

        for (Runnable attempt : new Runnable[] {
                () -> links.openUnsubscribe(stranger.unsubscribe(id)),
                () -> links.openUnsubscribe(spliced),
                () -> links.openUnsubscribe(confirmation),
                () -> links.openConfirmation(unsubscribe),
                () -> links.openUnsubscribe("not a token"),
                () -> links.openUnsubscribe(""),
                () -> links.openUnsubscribe(null),
                () -> links.openUnsubscribe(tampered(unsubscribe, unsubscribe.length() - 10)),
                () -> links.openUnsubscribe(tampered(unsubscribe, 3)),
                () -> links.openUnsubscribe(tampered(unsubscribe, unsubscribe.length() - 1)) }) {
            assertThatThrownBy(attempt::run).isInstanceOfSatisfying(ProblemException.class,
                    e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST));
        }
    }

    /** The token with one character changed (at the end, only in the bits that carry data). */
    public static String tampered(String token, int at) {
        char[] chars = token.toCharArray();
        chars[at] = at == token.length() - 1 ? (chars[at] == 'A' ? 'Q' : 'A') : (chars[at] == 'A' ? 'B' : 'A');
        return new String(chars);
    }

    @Test
    void aTokenNamesNoAddress() {
        String token = links.unsubscribe(UUID.randomUUID());

        assertThat(token).doesNotContain("@").matches("[A-Za-z0-9_.-]+");
    }
}
