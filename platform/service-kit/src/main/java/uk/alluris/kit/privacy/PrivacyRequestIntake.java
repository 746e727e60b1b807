package uk.alluris.kit.privacy;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.events.DataExportRequested;
import uk.alluris.events.ErasureRequested;
import uk.alluris.events.MarketingObjectionRequested;
import uk.alluris.events.PrivacyRequestEvent;
import uk.alluris.events.RectificationRequested;
import uk.alluris.events.RestrictionLifted;
import uk.alluris.events.RestrictionRequested;

/**
 * Answers privacy requests from {@code privacy.requests} (read by the kit's typed consumer, {@code privacyRequests}),
 * has this service's {@link PrivacyActions} act on them once, and answers each with a receipt.
 * <ul>
 * <li>the same message delivered again is skipped (the consumer's idempotent-consumer guard);</li>
 * <li>the same request asked again (a chase, with a new event id) is not acted on again: the receipt already issued
 * is sent again, unchanged;</li>
 * <li>a message that cannot be read throws, so the binder retries it and then parks it in this group's DLQ; one of a
 * type the catalogue does not know is skipped and counted ({@link uk.alluris.kit.inbox.EventConsumer}).</li>
 * <li>a service that dies while acting (after some deletes, before its receipt) acts again on redelivery, and the
 * receipt still counts what was there, from the {@link PrivacyEffects} journal the features write before they change
 * anything.</li>
 * </ul>
 */
public class PrivacyRequestIntake {

    private static final Logger log = LoggerFactory.getLogger(PrivacyRequestIntake.class);
    private static final JsonMapper EXPORT_JSON = JsonMapper.builder().build();

    private final PrivacyActions actions;
    private final MongoTemplate mongo;
    private final String service;
    private final Clock clock;
    private final TransportSeal transport;
    private final PrivacyEffects effects;
    private final SealedExportParts exportParts;

    public PrivacyRequestIntake(PrivacyActions actions, MongoTemplate mongo, String service, Clock clock,
            TransportSeal transport, PrivacyEffects effects) {
        this.actions = actions;
        this.effects = effects;
        this.exportParts = new SealedExportParts(mongo);
        this.transport = transport;
        this.mongo = mongo;
        this.service = service;
        this.clock = clock;
        // receipts left unsent by a crash are relayed after a restart, before any new request arrives
        mongo.getConverter().getMappingContext().getPersistentEntity(IssuedReceipt.class);
    }

    /** Acts on a request unless it was already answered; either way, a receipt goes out. */
    public IssuedReceipt answer(PrivacyRequestEvent request) {
        IssuedReceipt issued = mongo.findById(request.requestId(), IssuedReceipt.class);
        if (issued != null) {
            if (issued.exportParts() != null) {
                exportParts.sendAgain(request.requestId(), service, clock.instant());
            }
            issued.send(service, clock.instant());
            log.info("privacy request {} asked again; receipt sent again", request.requestId());
            IssuedReceipt resent = mongo.save(issued);
            effects.settled(request.requestId());
            return resent;
        }
        List<CategoryOutcome> categories;
        String sealedExport = null;
        Integer parts = null;
        String digest = null;
        if (request instanceof DataExportRequested exportRequest) {
            PersonalDataExport export = actions.export(request.subject());
            categories = export.categories();
            sealedExport = ExportSeal.seal(exportRequest.recipientKey(), exportJson(exportRequest, export),
                    request.requestId(), service);
            if (SealedExportParts.tooLargeForOneMessage(sealedExport)) {
                // parts first: the receipt that names them is saved (and sent) after every part is
                digest = SealedExportParts.digest(sealedExport);
                parts = exportParts.send(request.requestId(), sealedExport, digest, service, clock.instant());
                sealedExport = null;
            }
        } else {
            categories = effects.acting(request.requestId(), () -> act(request));
        }
        effects.reached("acted");
        log.info("privacy request {} ({}) answered: {}", request.requestId(), request.requestType(), categories);
        IssuedReceipt receipt = mongo.save(IssuedReceipt.issue(request.requestId(), request.requestType(), categories,
                sealedExport, parts, digest, service, clock.instant()));
        effects.reached("receipt saved");
        effects.settled(request.requestId());
        return receipt;
    }

    /** One service's part of a bundle, as documented in docs/privacy-requests.md (the export file format). */
    private byte[] exportJson(DataExportRequested request, PersonalDataExport export) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("format", "alluris-export/v1");
        document.put("service", service);
        document.put("requestId", request.requestId().toString());
        document.put("requestType", request.requestType());
        document.put("exportedAt", clock.instant().toString());
        document.put("categories", export.categories());
        document.put("data", export.data());
        return EXPORT_JSON.writeValueAsBytes(document);
    }

    private List<CategoryOutcome> act(PrivacyRequestEvent request) {
        if (request instanceof ErasureRequested) {
            return actions.erase(request.subject());
        }
        if (request instanceof RestrictionRequested) {
            return actions.restrict(request.subject());
        }
        if (request instanceof RestrictionLifted) {
            return actions.liftRestriction(request.subject());
        }
        if (request instanceof MarketingObjectionRequested) {
            return actions.objectToMarketing(request.subject());
        }
        if (request instanceof RectificationRequested rectification) {
            return actions.rectify(request.subject(),
                    transport.open(rectification.sealedCorrections(), rectification.requestId()));
        }
        throw new IllegalArgumentException("unknown privacy request " + request.getClass().getSimpleName());
    }
}
