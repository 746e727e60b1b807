package uk.alluris.marketing.subscribers;

import java.time.Instant;

/**
 * Marketing's own record that a subscriber may be reached on one channel: how it was captured (a confirmed double
 * opt-in, a lead form that asked) and when. The full evidence goes to the consent ledger; this is what a send checks.
 */
record ChannelConsent(String source, String formId, Instant grantedAt) {
}
