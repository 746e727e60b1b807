package uk.alluris.kit.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.KeysetHandle;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SealsUnitTest {

    private static final String SECRET = "a-platform-secret-of-at-least-32-characters";

    @Test
    void anExportOpensOnlyWithItsRequestsPrivateKeyForItsRequestAndService() throws Exception {
        KeysetHandle recipient = ExportSeal.newRecipientKey();
        String publicKey = ExportSeal.publicKeyOf(recipient);
        assertThat(publicKey).doesNotContain("PrivateKey").contains("HpkePublicKey");
        UUID request = UUID.randomUUID();
        byte[] export = "{\"data\":{\"contact-profile\":[{\"fullName\":\"Ada Lovelace\"}]}}".getBytes(StandardCharsets.UTF_8);

        String sealed = ExportSeal.seal(publicKey, export, request, "booking-service");

        assertThat(new String(java.util.Base64.getDecoder().decode(sealed), StandardCharsets.ISO_8859_1))
                .doesNotContain("Ada");
        assertThat(ExportSeal.open(recipient, sealed, request, "booking-service")).isEqualTo(export);
        assertThatThrownBy(() -> ExportSeal.open(recipient, sealed, UUID.randomUUID(), "booking-service"))
                .isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> ExportSeal.open(recipient, sealed, request, "records-service"))
                .isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> ExportSeal.open(ExportSeal.newRecipientKey(), sealed, request, "booking-service"))
                .isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void correctionsTravelSealedAndOpenOnlyForTheirRequestUnderTheSamePlatformSecret() {
        TransportSeal seal = new TransportSeal(SECRET);
        UUID request = UUID.randomUUID();
        Corrections corrections = new Corrections("Ada King", "ada.king@example.org", null, LocalDate.of(1990, 12, 10));

        String sealed = seal.seal(corrections, request);

        assertThat(sealed).doesNotContain("Ada").doesNotContain("example.org");
        assertThat(new TransportSeal(SECRET).open(sealed, request)).isEqualTo(corrections);
        assertThat(corrections.fields()).isEqualTo(List.of("fullName", "email", "dateOfBirth"));
        assertThatThrownBy(() -> seal.open(sealed, UUID.randomUUID())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TransportSeal(SECRET + "-other").open(sealed, request))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
