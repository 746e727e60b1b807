package uk.alluris.web.staff.marketing;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** What the campaign pages read from marketing. */
final class CampaignViews {

    private CampaignViews() {
    }

    /** What staff compose; also the body of marketing's {@code POST /api/marketing/campaigns}. */
    record Draft(String list, String subject, String body, String channel) {

        static Draft email(String list, String subject, String body) {
            return new Draft(list == null ? "" : list.strip(), subject == null ? "" : subject, body == null ? "" : body,
                    "email");
        }
    }

    /** A campaign and how far it has got. */
    record Campaign(UUID id, String list, String subject, String status, Instant createdAt, Instant completedAt,
            int total, int sent, int failed, int sending, Map<String, Integer> skipped) {

        public boolean sendingNow() {
            return "SENDING".equals(status);
        }

        public int skippedCount() {
            return skipped == null ? 0 : skipped.values().stream().mapToInt(Integer::intValue).sum();
        }

        public int handled() {
            return sent + failed + sending + skippedCount();
        }
    }

    /** How many on a list a campaign would reach now, by the rule applied when it is sent. */
    record Audience(String list, int onList, int wouldReceive, Map<String, Integer> skipped) {
    }
}
