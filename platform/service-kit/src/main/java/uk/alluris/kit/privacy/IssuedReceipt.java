package uk.alluris.kit.privacy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.events.ReceiptIssued;
import uk.alluris.kit.outbox.OutboxMessage;
import uk.alluris.kit.outbox.OutboxOwner;

/**
 * This service's answer to one privacy request, kept so that asking again (a chase, a redelivery) yields the same
 * receipt without acting twice. The receipt event leaves through the outbox in the same save.
 */
@Document(IssuedReceipt.COLLECTION)
public class IssuedReceipt implements OutboxOwner {

    public static final String COLLECTION = "privacy_receipts";

    @Id
    UUID requestId;
    String requestType;
    List<CategoryOutcome> categories;
    /** For an access or portability request: the export, sealed to the request's key (never readable here). */
    String sealedExport;
    /** For an export too large for one message: how many {@link SealedExportPart}s carry it, and its digest. */
    Integer exportParts;
    String exportDigest;
    Instant issuedAt;
    int timesSent;
    List<OutboxMessage> outbox = new ArrayList<>();

    static IssuedReceipt issue(UUID requestId, String requestType, List<CategoryOutcome> categories,
            String sealedExport, String service, Instant now) {
        return issue(requestId, requestType, categories, sealedExport, null, null, service, now);
    }

    static IssuedReceipt issue(UUID requestId, String requestType, List<CategoryOutcome> categories,
            String sealedExport, Integer exportParts, String exportDigest, String service, Instant now) {
        IssuedReceipt receipt = new IssuedReceipt();
        receipt.exportParts = exportParts;
        receipt.exportDigest = exportDigest;
        receipt.requestId = requestId;
        receipt.requestType = requestType;
        receipt.categories = List.copyOf(categories);
        receipt.sealedExport = sealedExport;
        receipt.issuedAt = now;
        receipt.send(service, now);
        return receipt;
    }

    /** Puts the receipt (again) on its way: the same categories, in a new event. */
    void send(String service, Instant now) {
        timesSent++;
        outbox.add(OutboxMessage.of(new ReceiptIssued(UUID.randomUUID(), requestId, service, requestType, categories, now,
                sealedExport, exportParts, exportDigest)));
    }

    public UUID requestId() {
        return requestId;
    }

    public String requestType() {
        return requestType;
    }

    public List<CategoryOutcome> categories() {
        return categories;
    }

    public String sealedExport() {
        return sealedExport;
    }

    public Integer exportParts() {
        return exportParts;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public int timesSent() {
        return timesSent;
    }

    @Override
    public List<OutboxMessage> outbox() {
        return outbox;
    }
}
