package uk.alluris.marketing.suppression;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.events.SubjectIdentifiers;
import uk.alluris.kit.privacy.Restrictions;

/**
 * What privacy requests do to the suppression list: an erasure or an objection suppresses every index the person is
 * known by for good (kept, as the receipt says, so they are never marketed to again); a restriction suppresses them
 * while it lasts and its lifting releases them; a correction carries a lasting suppression to the new details.
 */
@Component
public class SuppressionPrivacy {

    public static final String SUPPRESSION = "suppression-list";
    public static final String GROUND =
            "Legitimate interests and PECR: a blind index kept so the person is never marketed to again";

    private final SuppressionList list;
    private final MongoTemplate mongo;
    private final Restrictions restrictions;

    SuppressionPrivacy(SuppressionList list, MongoTemplate mongo, Restrictions restrictions) {
        this.list = list;
        this.mongo = mongo;
        this.restrictions = restrictions;
    }

    /** Suppresses every index of the person for this reason; the receipt counts the indexes kept. */
    public CategoryOutcome suppress(SubjectIdentifiers everyone, SuppressionEntry.Reason reason) {
        list.suppress(everyone.emailIndexes(), everyone.phoneIndexes(), reason);
        return CategoryOutcome.retained(SUPPRESSION, everyone.emailIndexes().size() + everyone.phoneIndexes().size(),
                GROUND, null);
    }

    /** Suppresses these indexes while the person's restriction lasts. */
    public void suppressWhileRestricted(Collection<String> emailIndexes, Collection<String> phoneIndexes) {
        list.suppress(emailIndexes, phoneIndexes, SuppressionEntry.Reason.RESTRICTION);
    }

    /**
     * A person suppressed for good under the indexes they held is suppressed under their corrected ones too (nulls:
     * not corrected), for the first lasting reason found.
     */
    public void carryOver(Collection<String> heldIndexes, String emailIndex, String phoneIndex) {
        if (emailIndex == null && phoneIndex == null) {
            return;
        }
        Set<SuppressionEntry.Reason> reasons = new LinkedHashSet<>();
        heldIndexes.forEach(index -> reasons.addAll(list.reasonsFor(index, null)));
        reasons.stream().filter(SuppressionEntry.Reason::lasting).findFirst().ifPresent(reason -> list.suppress(
                emailIndex == null ? List.of() : List.of(emailIndex), phoneIndex == null ? List.of() : List.of(phoneIndex),
                reason));
    }

    /**
     * Removes the restriction entries of people no longer restricted. Checked against the restriction register
     * rather than against the lifting request's identifiers: a restriction asked by email and phone and lifted by
     * email alone releases both. Returns how many entries went.
     */
    public long releaseLiftedRestrictions() {
        long released = 0;
        for (SuppressionEntry entry : mongo.find(new Query(where("reason").is(SuppressionEntry.Reason.RESTRICTION)),
                SuppressionEntry.class)) {
            boolean email = entry.kind() == SuppressionEntry.Kind.EMAIL;
            if (!restrictions.isRestricted(null, email ? entry.index() : null, email ? null : entry.index())) {
                released += mongo.remove(new Query(where("_id").is(entry.index())
                        .and("reason").is(SuppressionEntry.Reason.RESTRICTION)), SuppressionEntry.class).getDeletedCount();
            }
        }
        return released;
    }
}
