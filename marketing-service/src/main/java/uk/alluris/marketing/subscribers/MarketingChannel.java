package uk.alluris.marketing.subscribers;

import java.util.Locale;
import java.util.Optional;

/** A channel marketing can reach a person by, each with its own consent (PECR) and its purpose in the ledger. */
public enum MarketingChannel {
    EMAIL("marketing.email"), SMS("marketing.sms");

    private final String purpose;

    MarketingChannel(String purpose) {
        this.purpose = purpose;
    }

    /** The consent ledger's purpose for this channel, e.g. {@code marketing.email}. */
    public String purpose() {
        return purpose;
    }

    /** Its name on the wire: {@code email}, {@code sms}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<MarketingChannel> fromWire(String name) {
        for (MarketingChannel channel : values()) {
            if (channel.wireName().equals(name)) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }

    public static Optional<MarketingChannel> fromPurpose(String purpose) {
        for (MarketingChannel channel : values()) {
            if (channel.purpose.equals(purpose)) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }
}
