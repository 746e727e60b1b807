package uk.alluris.kit.webhook;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import uk.alluris.kit.problem.ProblemException;

class WebhookSignatureUnitTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final byte[] BODY = "{\"processorReference\":\"pi_1\",\"status\":\"PAID\"}".getBytes(StandardCharsets.UTF_8);
    private final WebhookSignature signature = new WebhookSignature("a-partner-secret-of-length", Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aBodySignedWithTheSharedSecretWithinFiveMinutesIsAccepted() {
        long fourMinutesAgo = NOW.minus(Duration.ofMinutes(4)).getEpochSecond();

        assertThatCode(() -> signature.verify("t=" + fourMinutesAgo + ",v1=" + signature.sign(fourMinutesAgo, BODY), BODY))
                .doesNotThrowAnyException();
        assertThatCode(() -> signature.verify(signature.header(BODY), BODY)).doesNotThrowAnyException();
    }

    @Test
    void aChangedBodyAnotherSecretAReplayOrNoHeaderIsRefused() {
        long now = NOW.getEpochSecond();
        long sixMinutesAgo = NOW.minus(Duration.ofMinutes(6)).getEpochSecond();
        WebhookSignature stranger = new WebhookSignature("somebody-else-entirely", Clock.fixed(NOW, ZoneOffset.UTC));

        assertRefused("t=" + now + ",v1=" + signature.sign(now, "{}".getBytes(StandardCharsets.UTF_8)));
        assertRefused(stranger.header(BODY));
        assertRefused("t=" + sixMinutesAgo + ",v1=" + signature.sign(sixMinutesAgo, BODY));
        assertRefused(null);
        assertRefused("v1=" + signature.sign(now, BODY));
        assertRefused("t=soon,v1=abc");
    }

    private void assertRefused(String header) {
        assertThatThrownBy(() -> signature.verify(header, BODY)).isInstanceOf(ProblemException.class)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((ProblemException) e).getStatusCode().value())
                        .isEqualTo(401));
    }
}
