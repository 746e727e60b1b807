package uk.alluris.kit.secrets;

import java.util.Arrays;
import java.util.List;

/**
 * Every secret and keyset the platform's deployables read, the one place that says which service needs which. Outside
 * the local profile a service refuses to start while one of its own is missing, blank or a committed local value
 * ({@link SecretsCheck}); the generator prints a fresh value for each ({@link SecretGenerator}).
 *
 * <p>Adding a secret is one line here (its variable, kind, the services that need it, what it protects), its bare
 * {@code ${VARIABLE}} in the service's application.yml and its LOCAL DEFAULT in the service's application-local.yml.
 */
public enum PlatformSecret {

    BLIND_INDEX("ALLURIS_BLIND_INDEX_SECRET", SecretKind.RANDOM, List.of(),
            "blind indexes of emails and phones (how services find one person), verification-code hashes, sealed corrections"),
    PAYMENT_WEBHOOK("ALLURIS_PAYMENT_WEBHOOK_SECRET", SecretKind.RANDOM, List.of("booking-service"),
            "the payment processor's webhook signature (share it with the processor)"),
    PAYMENT_PROCESSOR_KEY("ALLURIS_PAYMENT_PROCESSOR_SECRET_KEY", SecretKind.RANDOM, List.of("booking-service"),
            "calls to the payment processor: deposits and refunds (use the Stripe account's secret key, sk_live_…)"),
    SMS_ACCOUNT_SID("ALLURIS_SMS_ACCOUNT_SID", SecretKind.RANDOM, List.of("booking-service"),
            "the SMS provider account messages are sent from (use the Twilio account SID, AC…)"),
    SMS_AUTH_TOKEN("ALLURIS_SMS_AUTH_TOKEN", SecretKind.RANDOM, List.of("booking-service"),
            "sending SMS through the provider (use the Twilio account's auth token)"),
    MARKETING_LINKS("ALLURIS_MARKETING_LINK_SECRET", SecretKind.RANDOM, List.of("marketing-service"),
            "confirmation and unsubscribe links in mail"),
    META_APP_SECRET("ALLURIS_META_APP_SECRET", SecretKind.RANDOM, List.of("marketing-service"),
            "Meta Lead Ads webhook signatures (use the Meta app's secret when Meta sends leads)"),
    META_VERIFY_TOKEN("ALLURIS_META_VERIFY_TOKEN", SecretKind.RANDOM, List.of("marketing-service"),
            "the Meta webhook subscription check (give Meta the same value)"),
    META_PAGE_ACCESS_TOKEN("ALLURIS_META_PAGE_ACCESS_TOKEN", SecretKind.RANDOM, List.of("marketing-service"),
            "Graph API reads of lead details (use the Meta page's token when Meta sends leads)"),
    RECORDS_MASTER_KEYSET("ALLURIS_RECORDS_MASTER_KEYSET", SecretKind.AEAD_KEYSET, List.of("records-service"),
            "every subject's clinical-data key (wraps them; a database copy is unreadable without it)"),
    RIGHTS_CONTACT_KEYSET("ALLURIS_RIGHTS_CONTACT_KEYSET", SecretKind.AEAD_KEYSET, List.of("rights-request-service"),
            "requesters' contact details, pending corrections and access-bundle keys at rest"),
    SIGNING_KEYS_KEYSET("ALLURIS_SIGNING_KEYS_KEYSET", SecretKind.AEAD_KEYSET, List.of("gateway"),
            "the gateway's private token-signing keys at rest (a database copy cannot mint tokens)"),
    STAFF_TOTP_KEYSET("ALLURIS_STAFF_TOTP_KEYSET", SecretKind.AEAD_KEYSET, List.of("gateway"),
            "staff second-factor (TOTP) secrets at rest"),
    KAFKA_SASL_JAAS_CONFIG("KAFKA_SASL_JAAS_CONFIG", SecretKind.GIVEN, List.of(),
            "this service's Kafka login (SASL); optional: only where the cluster asks for SASL (docs/kafka-and-keys.md)",
            true),
    BLIND_INDEX_PREVIOUS("ALLURIS_BLIND_INDEX_PREVIOUS_SECRET", SecretKind.GIVEN, List.of(),
            "the blind-index secret being rotated out; optional: set only while rotating (docs/kafka-and-keys.md)", true);

    private final String variable;
    private final SecretKind kind;
    private final List<String> services;
    private final String protects;
    private final boolean optional;

    PlatformSecret(String variable, SecretKind kind, List<String> services, String protects) {
        this(variable, kind, services, protects, false);
    }

    PlatformSecret(String variable, SecretKind kind, List<String> services, String protects, boolean optional) {
        this.variable = variable;
        this.kind = kind;
        this.services = services;
        this.protects = protects;
        this.optional = optional;
    }

    /** Whether a service may start without it (it must still never hold a committed value). */
    public boolean optional() {
        return optional;
    }

    public String variable() {
        return variable;
    }

    public SecretKind kind() {
        return kind;
    }

    public String protects() {
        return protects;
    }

    /** Whether the named service needs it (no services listed: every service, through the kit). */
    public boolean neededBy(String service) {
        return services.isEmpty() || services.contains(service);
    }

    /** The secrets one service must be given. */
    public static List<PlatformSecret> of(String service) {
        return Arrays.stream(values()).filter(secret -> secret.neededBy(service)).toList();
    }
}
