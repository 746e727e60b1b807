package uk.alluris.consent.cookies;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One choice a website visitor made in the cookie banner, with its evidence: which banner text and policy version they
 * saw, when, from which network (IP anonymised to /24 or /48) and browser, and whether their browser sent Global
 * Privacy Control. Anonymous (a {@link VisitorId#key() key} only) until the visitor signs in to the portal and the
 * decision is claimed by them: then it names the person by subject id and email blind index and joins their ledger.
 */
@Document("visitor_decisions")
class VisitorDecision {

    @Id
    UUID id;
    @Indexed
    String visitorKey;
    boolean analytics;
    boolean advertising;
    boolean globalPrivacyControl;
    String bannerVersion;
    String policyVersion;
    String ipAddress;
    String userAgent;
    Instant recordedAt;
    @Indexed
    String claimedSubjectId;
    @Indexed
    String claimedEmailIndex;
    Instant claimedAt;

    static VisitorDecision of(VisitorId visitor, CookieCategories categories, boolean gpc, String bannerVersion,
            String policyVersion, String ipAddress, String userAgent, Instant now) {
        VisitorDecision decision = new VisitorDecision();
        decision.id = UUID.randomUUID();
        decision.visitorKey = visitor.key();
        decision.analytics = categories.analytics();
        decision.advertising = categories.advertising();
        decision.globalPrivacyControl = gpc;
        decision.bannerVersion = bannerVersion;
        decision.policyVersion = policyVersion;
        decision.ipAddress = ipAddress;
        decision.userAgent = userAgent;
        decision.recordedAt = now;
        return decision;
    }

    CookieCategories categories() {
        return new CookieCategories(analytics, advertising);
    }

    boolean claimed() {
        return claimedEmailIndex != null || claimedSubjectId != null;
    }

    void claimBy(String subjectId, String emailIndex, Instant now) {
        claimedSubjectId = subjectId;
        claimedEmailIndex = emailIndex;
        claimedAt = now;
    }
}
