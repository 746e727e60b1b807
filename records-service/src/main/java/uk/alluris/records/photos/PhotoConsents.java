package uk.alluris.records.photos;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import uk.alluris.events.ConsentGranted;
import uk.alluris.events.ConsentWithdrawn;
import uk.alluris.records.subjects.ClinicalSubject;
import uk.alluris.records.subjects.SubjectRegister;

/**
 * The consent ledger's photo-marketing decisions, projected from {@code consent.events} (docs/clinical-records.md says
 * why a projection and not a call): every marketing use of a photo asks {@link #granted} at that moment. A withdrawal
 * also puts the person's photos back to clinical use as it arrives, so a later grant needs a clinician to choose the
 * use again. The kit's typed consumer hands it grants and withdrawals ({@link PhotoConfiguration}); those of other
 * purposes are passed over here, other types by the platform's policy; an unreadable decision throws (retried, then
 * the DLQ).
 */
@Component
class PhotoConsents {

    static final String PURPOSE_PREFIX = "photos.marketing.";
    private static final Logger log = LoggerFactory.getLogger(PhotoConsents.class);

    private final MongoTemplate mongo;
    private final SubjectRegister register;
    private final PhotoUses uses;

    PhotoConsents(MongoTemplate mongo, SubjectRegister register, PhotoUses uses) {
        this.mongo = mongo;
        this.register = register;
        this.uses = uses;
    }

    void granted(ConsentGranted granted) {
        if (granted.purpose().startsWith(PURPOSE_PREFIX)) {
            record(new PhotoConsentDecision(granted.eventId(), granted.subjectId(), granted.emailIndex(),
                    granted.purpose(), true, granted.occurredAt()));
        }
    }

    void withdrawn(ConsentWithdrawn withdrawn) {
        if (!withdrawn.purpose().startsWith(PURPOSE_PREFIX)) {
            return;
        }
        record(new PhotoConsentDecision(withdrawn.eventId(), withdrawn.subjectId(), withdrawn.emailIndex(),
                withdrawn.purpose(), false, withdrawn.occurredAt()));
        int stopped = 0;
        for (ClinicalSubject subject : register.matching(withdrawn.subjectId(), withdrawn.emailIndex())) {
            stopped += uses.withdraw(subject.id(), withdrawn.purpose(), "consent withdrawn in the ledger");
        }
        log.info("photo consent {} withdrawn: marketing use of {} photo(s) stopped", withdrawn.purpose(), stopped);
    }

    /** Whether the ledger's latest decision on this purpose for the person, under any identifier records holds, is a grant. */
    boolean granted(ClinicalSubject subject, String purpose) {
        Query latest = new Query(Criteria.where("purpose").is(purpose).orOperator(identifies(subject)))
                .with(Sort.by(Sort.Direction.DESC, "at")).limit(1);
        PhotoConsentDecision decision = mongo.findOne(latest, PhotoConsentDecision.class);
        return decision != null && decision.granted();
    }

    List<PhotoConsentDecision> decisionsAbout(ClinicalSubject subject) {
        return mongo.find(new Query(new Criteria().orOperator(identifies(subject))).with(Sort.by("at")),
                PhotoConsentDecision.class);
    }

    /** The ids of the decisions {@link #eraseAbout} would remove. */
    List<UUID> idsAbout(ClinicalSubject subject) {
        return mongo.find(new Query(new Criteria().orOperator(identifies(subject))), PhotoConsentDecision.class)
                .stream().map(PhotoConsentDecision::eventId).toList();
    }

    long eraseAbout(ClinicalSubject subject) {
        return mongo.remove(new Query(new Criteria().orOperator(identifies(subject))), PhotoConsentDecision.class)
                .getDeletedCount();
    }

    private void record(PhotoConsentDecision decision) {
        try {
            mongo.insert(decision);
        } catch (DuplicateKeyException redelivered) {
            // the same event again: already recorded, and the decision it states is the same
        }
    }

    private static Criteria[] identifies(ClinicalSubject subject) {
        List<Criteria> by = new ArrayList<>(List.of(Criteria.where("subjectId").is(subject.id())));
        if (subject.emailIndex() != null) {
            by.add(Criteria.where("emailIndex").is(subject.emailIndex()));
        }
        return by.toArray(Criteria[]::new);
    }
}
