package uk.alluris.kit.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import uk.alluris.kit.problem.ProblemException;

/** The payment processor's events, signed as Stripe signs them ({@code Stripe-Signature: t=…,v1=…}). */
class StripeSignatureSchemeUnitTest {

    private static final long T = 1492774577L;
    private static final byte[] PAYLOAD = "{\n  \"id\": \"evt_test_webhook\",\n  \"object\": \"event\"\n}"
            .getBytes(StandardCharsets.UTF_8);
    /**
     * Computed outside Java, so the vector does not depend on the code under test:
     * {@code printf '%s' "1492774577.$PAYLOAD" | openssl dgst -sha256 -hmac whsec_test_secret}.
     */
    private static final String V1 = "c2f890decbc5ede7c5060bb9a6d31e0626a4342bacb9aeae2adb1bcea72f9812";

    private final WebhookSignature stripe = new WebhookSignature("whsec_test_secret",
            Clock.fixed(Instant.ofEpochSecond(T + 60), ZoneOffset.UTC), WebhookSignature.STRIPE_HEADER);

    @Test
    void theKnownVectorVerifiesAndIsWhatTheSchemeComputes() {
        assertThat(stripe.sign(T, PAYLOAD)).isEqualTo(V1);
        assertThat(stripe.verify("t=" + T + ",v1=" + V1, PAYLOAD)).isEqualTo(T);
    }

    @Test
    void anyOfSeveralV1SignaturesMayMatchWhileASecretIsRolledAndV0IsIgnored() {
        String rolled = "t=" + T + ",v1=" + "0".repeat(64) + ",v1=" + V1 + ",v0=" + "f".repeat(64);

        assertThatCode(() -> stripe.verify(rolled, PAYLOAD)).doesNotThrowAnyException();
    }

    @Test
    void onlyAV0SignatureAnotherPayloadOrAnOldTimestampIsRefusedNamingTheHeader() {
        assertThatThrownBy(() -> stripe.verify("t=" + T + ",v0=" + V1, PAYLOAD)).isInstanceOf(ProblemException.class)
                .hasMessageContaining("Stripe-Signature");
        assertThatThrownBy(() -> stripe.verify("t=" + T + ",v1=" + V1, "{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ProblemException.class);
        WebhookSignature later = new WebhookSignature("whsec_test_secret",
                Clock.fixed(Instant.ofEpochSecond(T + 301), ZoneOffset.UTC), WebhookSignature.STRIPE_HEADER);
        assertThatThrownBy(() -> later.verify("t=" + T + ",v1=" + V1, PAYLOAD)).isInstanceOf(ProblemException.class);
    }
}
