package uk.alluris.rights.bundle;

import com.google.crypto.tink.KeysetHandle;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;
import uk.alluris.kit.problem.ProblemException;
import uk.alluris.rights.contact.Contact;
import uk.alluris.rights.contact.ContactSeal;
import uk.alluris.rights.register.PublishedRegister;
import uk.alluris.rights.register.RegisterHtml;
import uk.alluris.rights.contact.RequesterMail;
import uk.alluris.rights.request.OfficeRecordsPrivacy;
import uk.alluris.rights.request.PrivacyRequest;
import uk.alluris.rights.request.PrivacyRequests;

/**
 * An access or portability request's bundle once every service has answered: the mail that says it is ready, the
 * download (assembled on demand, by the requester with the request's own token or by the privacy officer), and its
 * expiry, when the sealed parts are deleted and the key that opens them is destroyed. Each step is evidence on the
 * request.
 */
@Service
public class Bundles {

    private static final Logger log = LoggerFactory.getLogger(Bundles.class);
    private static final String SERVICE = "rights-request-service";

    /** A bundle as it is downloaded. */
    public record Download(String fileName, byte[] zip) {
    }

    /** Who is downloading: the privacy officer (by the subject of their token) or the holder of a download token. */
    public record Downloader(String officer, String token) {
    }

    private final PrivacyRequests requests;
    private final BundleRecords bundles;
    private final ExportKeys keys;
    private final BundleParts parts;
    private final ContactSeal seal;
    private final RequesterMail mail;
    private final BundleProperties properties;
    private final Clock clock;
    /** the supplementary information every bundle carries, rendered once from the register of processing */
    private final String supplementary;
    private final OfficeRecordsPrivacy office;

    Bundles(PrivacyRequests requests, BundleRecords bundles, ExportKeys keys, BundleParts parts, ContactSeal seal,
            RequesterMail mail, BundleProperties properties, Clock clock, PublishedRegister register,
            OfficeRecordsPrivacy office) {
        this.office = office;
        this.requests = requests;
        this.bundles = bundles;
        this.keys = keys;
        this.parts = parts;
        this.seal = seal;
        this.mail = mail;
        this.properties = properties;
        this.clock = clock;
        this.supplementary = RegisterHtml.section(register);
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
        Bundle bundle = bundles.find(id).orElse(null);
        String actor;
        String how;
        if (who.officer() != null) {
            actor = who.officer();
            how = "downloaded by the privacy officer on the requester's behalf";
        } else if (!StringUtils.hasText(who.token())) {
            throw new ProblemException(HttpStatus.UNAUTHORIZED, "Download token required",
                    "give the request's download token in the X-Request-Token header (or the token parameter)");
        } else if (bundle == null || !bundle.acceptsDownloadTokenHash(DownloadTokens.hash(who.token().strip()))) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "Forbidden", "this token does not open this bundle");
        } else {
            actor = "requester";
            how = "downloaded by the requester with the request's download token";
        }
        Instant now = clock.instant();
        if (bundle == null || bundle.status == BundleStatus.PENDING) {
            throw new ProblemException(HttpStatus.CONFLICT, "Not ready",
                    "the bundle is not ready yet: not every service has answered");
        }
        if (!bundle.downloadableAt(now)) {
            throw gone(bundle);
        }
        KeysetHandle key = keys.open(id).orElseThrow(() -> gone(bundle));
        List<ServiceExport> services = BundleAssembly.open(request, key, parts.of(id));
        byte[] zip = BundleAssembly.zip(request, bundle, preparedFor(request), services,
                office.export(OfficeRecordsPrivacy.Person.of(request)), now, supplementary);
        requests.change(id, fresh -> fresh.record(now, actor, "BUNDLE_DOWNLOADED", how));
        return new Download("alluris-personal-data-" + id + ".zip", zip);
    }

    /**
     * Tells the requester their bundle is ready, with a download link carrying a fresh token (its hash kept with the
     * bundle); once. A mail that fails is tried again by {@link BundleJobs}.
     */
    public void notifyReady(UUID id) {
        Bundle bundle = bundles.find(id).orElse(null);
        PrivacyRequest request = requests.findById(id).orElse(null);
        if (request == null || bundle == null || bundle.status != BundleStatus.READY || bundle.noticeSentAt != null) {
            return;
        }
        String token = DownloadTokens.mint();
        Contact contact = seal.open(id, request.sealedContact());
        mail.sendBundleReady(contact, id, properties.publicUrl() + "/api/privacy/requests/" + id + "/bundle?token=" + token,
                bundle.expiresAt);
        Instant now = clock.instant();
        bundles.tokenIssued(id, DownloadTokens.hash(token));
        bundles.change(id, fresh -> fresh.noticeSent(now));
        requests.change(id, fresh -> fresh.record(now, SERVICE, "BUNDLE_NOTICE_SENT", "the requester was told by mail"
                + " that the bundle is ready, with a download link (no data in the mail)"));
    }

    /** Tries again every ready-mail that has not gone out (the mail server was down, the service stopped). */
    int sendPendingNotices() {
        int sent = 0;
        for (Bundle waiting : bundles.readyWithoutNotice()) {
            try {
                notifyReady(waiting.requestId);
                sent++;
            } catch (RuntimeException e) {
                log.warn("could not tell the requester of {} that the bundle is ready: {}", waiting.requestId,
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
        return expire(bundles.readyAndDueBy(now), now);
    }

    /**
     * Expires, as {@link #expireDue} does, every bundle that became ready before {@code readyBefore}, whatever its own
     * download period says: the register's retention of access bundles (the rights service's retention job).
     */
    int expireReadyBefore(Instant readyBefore, Instant now) {
        return expire(bundles.readyBefore(readyBefore), now);
    }

    /** When each still-downloadable bundle that became ready before {@code readyBefore} did. */
    List<Instant> readyTimesBefore(Instant readyBefore) {
        return bundles.readyBefore(readyBefore).stream().map(bundle -> bundle.readyAt).toList();
    }

    private int expire(List<Bundle> due, Instant now) {
        for (Bundle bundle : due) {
            UUID id = bundle.requestId;
            keys.destroy(id);
            parts.deleteAll(id);
            boolean[] expiredNow = new boolean[1];
            bundles.change(id, fresh -> {
                expiredNow[0] = fresh.status == BundleStatus.READY;
                if (expiredNow[0]) {
                    fresh.expired(now);
                }
            });
            if (expiredNow[0]) {
                requests.change(id, fresh -> fresh.record(now, SERVICE, "BUNDLE_EXPIRED",
                        "bundle deleted and its key destroyed"));
            }
            log.info("bundle of privacy request {} expired: parts deleted, key destroyed", id);
        }
        return due.size();
    }

    private String preparedFor(PrivacyRequest request) {
        Contact contact = seal.open(request.id(), request.sealedContact());
        return StringUtils.hasText(contact.fullName()) ? contact.fullName() + " (" + contact.email() + ")"
                : contact.email();
    }

    private static ProblemException gone(Bundle bundle) {
        return new ProblemException(HttpStatus.GONE, "Expired", "this bundle has expired: it was deleted and its key"
                + " destroyed" + (bundle.expiresAt == null ? "" : " at " + bundle.expiresAt)
                + "; a new access request can be made at any time");
    }
}
