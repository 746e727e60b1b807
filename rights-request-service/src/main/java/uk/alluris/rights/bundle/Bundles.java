package uk.alluris.rights.bundle;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.google.crypto.tink.KeysetHandle;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;
import uk.alluris.kit.problem.ProblemException;
import uk.alluris.rights.contact.Contact;
import uk.alluris.rights.contact.ContactSeal;
import uk.alluris.rights.contact.RequesterMail;
import uk.alluris.rights.request.BundleStatus;
import uk.alluris.rights.request.PrivacyRequest;
import uk.alluris.rights.request.PrivacyRequests;

/**
 * An access or portability request's bundle once every service has answered: the mail that says it is ready, the
 * download (assembled on demand, by the requester with the request's own token or by the privacy officer), and its
 * expiry, when the sealed parts are deleted and the key that opens them is destroyed.
 */
@Service
public class Bundles {

    private static final Logger log = LoggerFactory.getLogger(Bundles.class);
    private static final int ATTEMPTS = 5;

    /** A bundle as it is downloaded. */
    public record Download(String fileName, byte[] zip) {
    }

    /** Who is downloading: the privacy officer (by the subject of their token) or the holder of a download token. */
    public record Downloader(String officer, String token) {
    }

    private final PrivacyRequests requests;
    private final MongoTemplate mongo;
    private final ExportKeys keys;
    private final BundleParts parts;
    private final ContactSeal seal;
    private final RequesterMail mail;
    private final BundleProperties properties;
    private final Clock clock;

    Bundles(PrivacyRequests requests, MongoTemplate mongo, ExportKeys keys, BundleParts parts, ContactSeal seal,
            RequesterMail mail, BundleProperties properties, Clock clock) {
        this.requests = requests;
        this.mongo = mongo;
        this.keys = keys;
        this.parts = parts;
        this.seal = seal;
        this.mail = mail;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The bundle as a ZIP, for the privacy officer or the holder of one of the request's download tokens; each
     * download is evidence. 404 no such request or no bundle; 401 neither officer nor token; 403 a wrong token;
     * 409 not ready yet; 410 expired (deleted, key destroyed).
     */
    public Download download(UUID id, Downloader who) {
        PrivacyRequest request = requests.findById(id)
                .orElseThrow(() -> ProblemException.notFound("privacy request " + id));
        if (!request.type().isExport()) {
            throw ProblemException.notFound("a bundle for privacy request " + id);
        }
        String actor;
        String how;
        if (who.officer() != null) {
            actor = who.officer();
            how = "downloaded by the privacy officer on the requester's behalf";
        } else if (!StringUtils.hasText(who.token())) {
            throw new ProblemException(HttpStatus.UNAUTHORIZED, "Download token required",
                    "give the request's download token in the X-Request-Token header (or the token parameter)");
        } else if (!request.acceptsDownloadTokenHash(DownloadTokens.hash(who.token().strip()))) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "Forbidden", "this token does not open this bundle");
        } else {
            actor = "requester";
            how = "downloaded by the requester with the request's download token";
        }
        Instant now = clock.instant();
        if (request.bundle() == null || request.bundle().status() == BundleStatus.PENDING) {
            throw new ProblemException(HttpStatus.CONFLICT, "Not ready",
                    "the bundle is not ready yet: not every service has answered");
        }
        if (!request.bundle().downloadableAt(now)) {
            throw gone(request);
        }
        KeysetHandle key = keys.open(id).orElseThrow(() -> gone(request));
        List<ServiceExport> services = BundleAssembly.open(request, key, parts.of(id));
        byte[] zip = BundleAssembly.zip(request, preparedFor(request), services, now);
        change(id, fresh -> fresh.bundleDownloaded(now, actor, how));
        return new Download("alluris-personal-data-" + id + ".zip", zip);
    }

    /**
     * Tells the requester their bundle is ready, with a download link carrying a fresh token (its hash kept with the
     * request); once. A mail that fails is tried again by {@link BundleJobs}.
     */
    public void notifyReady(UUID id) {
        PrivacyRequest request = requests.findById(id).orElse(null);
        if (request == null || request.bundle() == null || request.bundle().status() != BundleStatus.READY
                || request.bundle().noticeSentAt() != null) {
            return;
        }
        String token = DownloadTokens.mint();
        Contact contact = seal.open(id, request.sealedContact());
        mail.sendBundleReady(contact, id, properties.publicUrl() + "/api/privacy/requests/" + id + "/bundle?token=" + token,
                request.bundle().expiresAt());
        Instant now = clock.instant();
        change(id, fresh -> {
            fresh.downloadTokenIssued(DownloadTokens.hash(token));
            fresh.bundleNoticeSent(now);
        });
    }

    /** Tries again every ready-mail that has not gone out (the mail server was down, the service stopped). */
    int sendPendingNotices() {
        List<PrivacyRequest> waiting = mongo.find(Query.query(where("bundle.status").is(BundleStatus.READY)
                .and("bundle.noticeSentAt").is(null)), PrivacyRequest.class);
        int sent = 0;
        for (PrivacyRequest request : waiting) {
            try {
                notifyReady(request.id());
                sent++;
            } catch (RuntimeException e) {
                log.warn("could not tell the requester of {} that the bundle is ready: {}", request.id(),
                        e.getClass().getSimpleName());
            }
        }
        return sent;
    }

    /**
     * Expires every bundle whose time is up at {@code now}: its private key destroyed, its sealed parts deleted, the
     * evidence says so. Safe to repeat after a crash part-way. Returns how many expired.
     */
    public int expireDue(Instant now) {
        List<PrivacyRequest> due = mongo.find(Query.query(where("bundle.status").is(BundleStatus.READY)
                .and("bundle.expiresAt").lte(now)), PrivacyRequest.class);
        for (PrivacyRequest request : due) {
            keys.destroy(request.id());
            parts.deleteAll(request.id());
            change(request.id(), fresh -> {
                if (fresh.bundle().status() == BundleStatus.READY) {
                    fresh.bundleExpired(now);
                }
            });
            log.info("bundle of privacy request {} expired: parts deleted, key destroyed", request.id());
        }
        return due.size();
    }

    private String preparedFor(PrivacyRequest request) {
        Contact contact = seal.open(request.id(), request.sealedContact());
        return StringUtils.hasText(contact.fullName()) ? contact.fullName() + " (" + contact.email() + ")"
                : contact.email();
    }

    /** Applies a change to the stored request, re-reading it when another change got there first. */
    private void change(UUID id, Consumer<PrivacyRequest> change) {
        for (int attempt = 1; ; attempt++) {
            PrivacyRequest fresh = requests.findById(id).orElseThrow();
            change.accept(fresh);
            try {
                requests.save(fresh);
                return;
            } catch (OptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static ProblemException gone(PrivacyRequest request) {
        return new ProblemException(HttpStatus.GONE, "Expired", "this bundle has expired: it was deleted and its key"
                + " destroyed" + (request.bundle() == null || request.bundle().expiresAt() == null ? ""
                        : " at " + request.bundle().expiresAt()) + "; a new access request can be made at any time");
    }
}
