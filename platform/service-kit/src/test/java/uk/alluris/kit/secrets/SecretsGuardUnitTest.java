package uk.alluris.kit.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.alluris.testsupport.StandInKms;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class SecretsGuardUnitTest {

    private static final String COMMITTED_LINK_SECRET = "local-default-marketing-link-secret-do-not-use-in-production";
    private static final CommittedValues COMMITTED = new CommittedValues(
            Map.of("ALLURIS_MARKETING_LINK_SECRET", COMMITTED_LINK_SECRET,
                    "ALLURIS_PARTNER_ACME_SECRET", "local-default-acme-lead-webhook-secret"),
            Set.of(COMMITTED_LINK_SECRET, "local-default-acme-lead-webhook-secret"));

    @BeforeAll
    static void kms() throws Exception {
        StandInKms.register();
    }

    @Test
    void aServiceGivenEveryOneOfItsSecretsMayStart() {
        assertThat(guard().problems("marketing-service", environment(marketingSecrets()))).isEmpty();
    }

    @Test
    void aMissingSecretIsNamedWithWhatItProtects() {
        Map<String, Object> given = marketingSecrets();
        given.remove("ALLURIS_MARKETING_LINK_SECRET");

        assertThat(guard().problems("marketing-service", environment(given)))
                .containsExactly("ALLURIS_MARKETING_LINK_SECRET is not set (it protects "
                        + PlatformSecret.MARKETING_LINKS.protects() + ")");
    }

    @Test
    void aBlankSecretIsRefused() {
        Map<String, Object> given = marketingSecrets();
        given.put("ALLURIS_META_APP_SECRET", "   ");

        assertThat(guard().problems("marketing-service", environment(given)))
                .singleElement().asString().startsWith("ALLURIS_META_APP_SECRET is blank");
    }

    @Test
    void theCommittedLocalValueIsRefusedEvenWhenSetOnPurpose() {
        Map<String, Object> given = marketingSecrets();
        given.put("ALLURIS_MARKETING_LINK_SECRET", COMMITTED_LINK_SECRET + "\n");

        assertThat(guard().problems("marketing-service", environment(given)))
                .singleElement().asString().startsWith("ALLURIS_MARKETING_LINK_SECRET still has the committed local value");
    }

    @Test
    void aCommittedValueInAnyOtherSettingIsRefusedToo() {
        Map<String, Object> given = marketingSecrets();
        given.put("ALLURIS_MARKETING_PARTNERS_ACME_SECRET", "local-default-acme-lead-webhook-secret");

        assertThat(guard().problems("marketing-service", environment(given)))
                .containsExactly("ALLURIS_MARKETING_PARTNERS_ACME_SECRET still has a committed local value");
    }

    @Test
    void eachServiceIsAskedOnlyForItsOwnSecretsAndThePlatformOne() {
        List<String> problems = guard().problems("booking-service", environment(new HashMap<>()));

        assertThat(problems).hasSize(5);
        assertThat(problems.get(0)).startsWith("ALLURIS_BLIND_INDEX_SECRET is not set");
        assertThat(problems.get(1)).startsWith("ALLURIS_PAYMENT_WEBHOOK_SECRET is not set");
        assertThat(problems.get(2)).startsWith("ALLURIS_PAYMENT_PROCESSOR_SECRET_KEY is not set");
        assertThat(problems.get(3)).startsWith("ALLURIS_SMS_ACCOUNT_SID is not set");
        assertThat(problems.get(4)).startsWith("ALLURIS_SMS_AUTH_TOKEN is not set");
    }

    @Test
    void aPlaintextKeysetIsRefusedUnlessExplicitlyAllowed() {
        Map<String, Object> given = new HashMap<>(Map.of("ALLURIS_BLIND_INDEX_SECRET", fresh(SecretKind.RANDOM),
                "ALLURIS_RECORDS_MASTER_KEYSET", fresh(SecretKind.AEAD_KEYSET)));

        assertThat(guard().problems("records-service", environment(given)))
                .singleElement().asString().startsWith("ALLURIS_RECORDS_MASTER_KEYSET is a plaintext keyset");

        given.put(SecretsGuard.ALLOW_PLAINTEXT_KEYSETS, "true");
        assertThat(guard().problems("records-service", environment(given))).isEmpty();
    }

    @Test
    void aKmsWrappedKeysetNeedsTheKeyThatUnwrapsIt() throws Exception {
        String wrapped = SecretKind.AEAD_KEYSET.generate(Optional.of(StandInKms.register().getAead(StandInKms.KEY_URI)));
        Map<String, Object> given = new HashMap<>(Map.of("ALLURIS_BLIND_INDEX_SECRET", fresh(SecretKind.RANDOM),
                "ALLURIS_RECORDS_MASTER_KEYSET", wrapped));

        assertThat(guard().problems("records-service", environment(given)))
                .singleElement().asString().startsWith("ALLURIS_RECORDS_MASTER_KEYSET is an encrypted keyset but "
                        + "ALLURIS_KMS_KEY_URI");

        given.put(SecretsGuard.KMS_KEY_URI, StandInKms.KEY_URI);
        assertThat(guard().problems("records-service", environment(given))).isEmpty();
    }

    @Test
    void startUpOutsideTheLocalProfileFailsNamingEveryVariableAndTheGenerator() {
        GenericApplicationContext context = context(new HashMap<>());

        assertThatThrownBy(() -> new SecretsCheck().initialize(context))
                .isInstanceOf(UnsafeSecrets.class)
                .hasMessageContaining("marketing-service refuses to start outside the local profile")
                .hasMessageContaining("ALLURIS_BLIND_INDEX_SECRET is not set")
                .hasMessageContaining("ALLURIS_MARKETING_LINK_SECRET is not set")
                .hasMessageContaining("ALLURIS_META_PAGE_ACCESS_TOKEN is not set")
                .hasMessageContaining("exec:java -Dexec.mainClass=uk.alluris.kit.secrets.SecretGenerator");
    }

    @Test
    void theLocalProfileStartsOnItsCommittedDefaults() {
        GenericApplicationContext context = context(new HashMap<>());
        context.getEnvironment().setActiveProfiles("local");

        new SecretsCheck().initialize(context);
    }

    @Test
    void theCommittedValuesAreReadFromTheLocalFilesThemselves() {
        CommittedValues committed = CommittedValues.fromClasspath(getClass().getClassLoader());

        assertThat(committed.of("ALLURIS_BLIND_INDEX_SECRET"))
                .contains("local-default-blind-index-secret-do-not-use-in-production");
    }

    private static SecretsGuard guard() {
        return new SecretsGuard(COMMITTED);
    }

    private static Map<String, Object> marketingSecrets() {
        Map<String, Object> secrets = new HashMap<>();
        PlatformSecret.of("marketing-service").forEach(secret -> secrets.put(secret.variable(), fresh(secret.kind())));
        return secrets;
    }

    private static String fresh(SecretKind kind) {
        return kind.generate(Optional.empty());
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("given", properties));
        return environment;
    }

    private static GenericApplicationContext context(Map<String, Object> properties) {
        GenericApplicationContext context = new GenericApplicationContext();
        StandardEnvironment environment = environment(properties);
        environment.getPropertySources().addFirst(new MapPropertySource("name",
                Map.of("spring.application.name", "marketing-service")));
        context.setEnvironment(environment);
        return context;
    }
}
