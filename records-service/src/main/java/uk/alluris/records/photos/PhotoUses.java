package uk.alluris.records.photos;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Takes photos back to clinical use when the person's consent, objection or erasure says so: one targeted update per
 * subject, which leaves the images untouched and is safe to repeat.
 */
@Component
class PhotoUses {

    static final String BY = "records-service";

    private final MongoTemplate mongo;
    private final Clock clock;

    PhotoUses(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Withdraws the marketing use that needs this ledger purpose; returns how many photos it was withdrawn from. */
    int withdraw(String subjectId, String purpose, String because) {
        List<PermittedUse> needingIt = Arrays.stream(PermittedUse.values())
                .filter(use -> use.ledgerPurpose().filter(purpose::equals).isPresent()).toList();
        return withdraw(subjectId, needingIt, because);
    }

    /** The ids of the subject's photos with a marketing use, before a withdrawal (the privacy journal needs them). */
    List<Object> marketed(String subjectId) {
        Query marketed = new Query(Criteria.where("subjectId").is(subjectId).and("permittedUse")
                .in(Arrays.stream(PermittedUse.values()).filter(PermittedUse::marketing).toList()));
        marketed.fields().include("_id");
        return mongo.find(marketed, org.bson.Document.class, mongo.getCollectionName(ClinicalPhoto.class)).stream()
                .map(photo -> photo.get("_id")).toList();
    }

    /** Withdraws every marketing use of the subject's photos; returns how many photos it was withdrawn from. */
    int withdrawAll(String subjectId, String because) {
        return withdraw(subjectId, Arrays.stream(PermittedUse.values()).filter(PermittedUse::marketing).toList(),
                because);
    }

    private int withdraw(String subjectId, List<PermittedUse> uses, String because) {
        if (uses.isEmpty()) {
            return 0;
        }
        Query marketed = new Query(Criteria.where("subjectId").is(subjectId).and("permittedUse").in(uses));
        Update clinical = new Update().set("permittedUse", PermittedUse.CLINICAL).set("useSetBy", BY)
                .set("useSetAt", clock.instant()).set("useWithdrawnBecause", because);
        return (int) mongo.updateMulti(marketed, clinical, ClinicalPhoto.class).getModifiedCount();
    }
}
