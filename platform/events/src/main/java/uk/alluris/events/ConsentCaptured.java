package uk.alluris.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Marketing captured a person's consent (a confirmed double opt-in, or a lead form that asked) with its evidence;
 * the consent service records one grant per purpose in the ledger. No plaintext: the person is named by subject id and
 * blind indexes, the IP address is already anonymised.
 *
 * @param channel how it reached the clinic, as the ledger names it ({@code WEB}, {@code EMAIL}, {@code LEAD_FORM})
 * @param source where exactly, e.g. {@code double-opt-in}, {@code meta-lead-ads}, {@code partner:acme}
 */
public record ConsentCaptured(UUID eventId, String subjectId, String emailIndex, String phoneIndex,
        List<String> purposes, String channel, String policyVersion, String source, String formId, String consentText,
        String ipAddress, String userAgent, Instant occurredAt) implements PlatformEvent {

    public ConsentCaptured {
        purposes = List.copyOf(purposes);
    }

    @Override
    public String partitionKey() {
        return emailIndex != null ? emailIndex : phoneIndex != null ? phoneIndex : subjectId;
    }
}
