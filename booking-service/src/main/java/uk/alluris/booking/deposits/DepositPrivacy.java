package uk.alluris.booking.deposits;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.events.Outcome;
import uk.alluris.kit.privacy.PersonalDataExport;

/**
 * What deposits answer to a privacy request (ARCHITECTURE.md, booking: payment records retained): an erasure keeps
 * them — payments and their refunds — six years after the last one as the clinic's financial records, under the
 * client's pseudonymous subject id, and drops the checkout's client secret, which nobody needs any more; an export
 * holds each deposit with its whole history. Nothing else applies: a deposit carries no promotional content and no
 * correctable detail.
 */
@Component
public class DepositPrivacy {

    static final String DEPOSITS = "deposits-and-refunds";
    static final String FINANCIAL_RECORDS = "Legal obligation: financial records (6 years)";
    private static final ZoneId CLINIC = ZoneId.of("Europe/London");

    /** The {@code deposits-and-refunds} category of an export. */
    record DepositRecord(UUID appointmentId, String amount, String currency, String status, String processorIntent,
            Instant recordedAt, List<Deposit.Change> history) {
    }

    private final Deposits deposits;
    private final MongoTemplate mongo;

    DepositPrivacy(Deposits deposits, MongoTemplate mongo) {
        this.deposits = deposits;
        this.mongo = mongo;
    }

    public List<CategoryOutcome> erase(Collection<UUID> clientIds) {
        List<Deposit> kept = deposits.findByClientIdInOrderByRecordedAtAsc(clientIds);
        if (kept.isEmpty()) {
            return List.of(CategoryOutcome.of(DEPOSITS, Outcome.NOT_HELD, 0));
        }
        mongo.updateMulti(new Query(Criteria.where("clientId").in(clientIds)), new Update().unset("clientSecret"),
                Deposit.class);
        LocalDate last = kept.stream().flatMap(d -> d.history().stream()).map(c -> c.at().atZone(CLINIC).toLocalDate())
                .max(LocalDate::compareTo).orElseThrow();
        return List.of(CategoryOutcome.retained(DEPOSITS, kept.size(), FINANCIAL_RECORDS, last.plusYears(6)));
    }

    public void export(Collection<UUID> clientIds, PersonalDataExport.Builder export) {
        export.category(DEPOSITS, deposits.findByClientIdInOrderByRecordedAtAsc(clientIds).stream()
                .map(d -> new DepositRecord(d.appointmentId(), BigDecimal.valueOf(d.amountPence(), 2).toPlainString(),
                        "GBP", d.status().name(), d.intentId(), d.recordedAt(), d.history()))
                .toList());
    }
}
