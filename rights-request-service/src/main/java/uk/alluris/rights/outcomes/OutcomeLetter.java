package uk.alluris.rights.outcomes;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.events.Outcome;
import uk.alluris.kit.register.ReceiptWords;
import uk.alluris.rights.register.PublishedRegister;

/**
 * The words of the mail that tells a requester how their request ended: per part of the clinic's system, what it did
 * with each category (the receipts, in the privacy centre's wording, {@link ReceiptWords}), then what was kept, on
 * which ground and until when, then how to complain to the ICO (from the register). Only categories, counts, grounds
 * and dates: never a record's content, so no clinical detail reaches a mailbox.
 */
record OutcomeLetter(String subject, String text) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** @param receipts each answering service's receipt, by service name */
    static OutcomeLetter of(UUID requestId, String requestType, Instant receivedAt,
            Map<String, List<CategoryOutcome>> receipts, PublishedRegister.Complaints ico) {
        StringBuilder text = new StringBuilder();
        text.append("We have completed your ").append(describe(requestType)).append(" request (reference ")
                .append(requestId).append(")");
        if (receivedAt != null) {
            text.append(", received on ").append(DAY.format(receivedAt.atZone(LONDON)));
        }
        text.append(".\nEvery part of our system that holds personal data has answered. This is what each did:\n");
        StringBuilder kept = new StringBuilder();
        for (Map.Entry<String, List<CategoryOutcome>> receipt : new TreeMap<>(receipts).entrySet()) {
            String part = ReceiptWords.part(receipt.getKey());
            text.append("\n").append(part).append("\n");
            if (receipt.getValue().isEmpty()) {
                text.append("  - nothing to report\n");
            }
            for (CategoryOutcome line : receipt.getValue()) {
                text.append("  - ").append(ReceiptWords.category(line.category())).append(": ")
                        .append(ReceiptWords.outcome(line.outcome().name()))
                        .append(line.count() > 0 ? " (" + records(line.count()) + ")" : "").append("\n");
                if (line.outcome() == Outcome.RETAINED || line.outcome() == Outcome.RESTRICTED) {
                    kept.append("  - ").append(part).append(", ").append(ReceiptWords.category(line.category()))
                            .append(": ").append(line.legalGround() == null ? "kept but no longer used"
                                    : "kept on this ground: " + line.legalGround())
                            .append(line.retainedUntil() == null ? ""
                                    : "; until " + DAY.format(line.retainedUntil()) + ", then deleted")
                            .append("\n");
                }
            }
        }
        text.append("\nWhat we kept, why, and until when\n")
                .append(kept.isEmpty() ? "  Nothing: we kept none of your data back.\n" : kept);
        text.append("""

                If you are unhappy with how we handled your request, please tell us first so that we can put it right.
                You also have the right to complain to the\s""");
        text.append(ico.name()).append(": ").append(ico.website()).append(", telephone ").append(ico.phone());
        text.append(".\n\nDr Alluris Aesthetics — data protection\n");
        return new OutcomeLetter("Your privacy request is complete", text.toString());
    }

    private static String records(int count) {
        return count == 1 ? "1 record" : count + " records";
    }

    private static String describe(String requestType) {
        return requestType.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
