package uk.alluris.rights.request;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.alluris.kit.paging.Paging;
import uk.alluris.kit.problem.ProblemException;
import uk.alluris.kit.security.CurrentCaller;
import uk.alluris.rights.contact.Contact;
import uk.alluris.rights.contact.ContactSeal;

/** The rights-request API: filing and verifying (open to anyone), the staff queue, and each request's record. */
@RestController
@RequestMapping("/api/privacy/requests")
class RequestController {

    private final FilingRequests filing;
    private final VerifyingRequests verifying;
    private final PrivacyRequests requests;
    private final ServiceRegistry registry;
    private final Exports exports;
    private final ContactSeal seal;
    private final FollowTokens following;
    private final Clock clock;

    RequestController(FilingRequests filing, VerifyingRequests verifying, PrivacyRequests requests,
            ServiceRegistry registry, Exports exports, ContactSeal seal, FollowTokens following, Clock clock) {
        this.following = following;
        this.exports = exports;
        this.filing = filing;
        this.verifying = verifying;
        this.seal = seal;
        this.requests = requests;
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * Open to anyone; the answer is the same whether a code was mailed or not (see {@link FilingRequests#file}). A
     * signed-in client filing under the address their token is bound to needs no code: the request starts at once
     * (IN_PROGRESS, with the download token of an export request).
     */
    @Operation(summary = "File a privacy request", description = "Files an erasure, restriction, lift of a restriction,"
            + " objection to marketing, access, portability or rectification request (202). Open to anyone without a"
            + " sign-in, rate-limited per address at the gateway; the answer is the same whether a 6-digit code was"
            + " mailed or not, and no more codes are mailed to an address while 3 of its requests await theirs. A"
            + " signed-in client filing under the address their sign-in proved needs no code: the request starts at"
            + " once (IN_PROGRESS), with the download token of an access or portability request.")
    @PostMapping
    ResponseEntity<RequestViews.Filed> file(@Valid @RequestBody RequestBodies.FileRequest body) {
        Optional<String> signedInClient = CurrentCaller.get().filter(CurrentCaller::isClient)
                .flatMap(CurrentCaller::emailIndex);
        FilingAnswer filed = filing.file(RequestType.valueOf(body.type()),
                new Contact(body.email(), body.phone(), body.fullName(), body.details()),
                body.corrections() == null ? null : body.corrections().toCorrections(), signedInClient);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new RequestViews.Filed(filed.request().id(),
                filed.request().status(), filed.downloadToken()));
    }

    /**
     * The answer carries, once, the token with which the requester follows the request without an account and, for an
     * access or portability request, the request's download token.
     */
    @Operation(summary = "Verify a request with the mailed code", description = "Proves the requester's address with the"
            + " code mailed to it and starts the request: its one-month clock starts and every service is asked."
            + " Open without a sign-in, rate-limited per address at the gateway; a code lasts 24 hours and allows 5"
            + " tries (a wrong, used-up or expired code is a 422 problem, an already verified request 409). The answer"
            + " carries, once, the follow token for GET /api/privacy/requests/{id}/progress and, for an access or"
            + " portability request, the bundle's download token.")
    @PostMapping("/{id}/verification")
    RequestViews.Detail verify(@PathVariable UUID id, @Valid @RequestBody RequestBodies.CodeGiven body) {
        FilingAnswer verified = verifying.byCode(id, body.code());
        return detail(verified.request()).withDownloadToken(verified.downloadToken())
                .withFollowToken(following.issue(id, clock.instant()));
    }

    /**
     * Open without a sign-in to the holder of the request's follow token ({@code X-Request-Token}): its status, due
     * date and each service's progress and receipt, never the identifiers given. An unknown request and a wrong token
     * look alike (404), so the endpoint tells a guesser nothing.
     */
    @Operation(summary = "Follow a request without an account", description = "The request's status, due date and each"
            + " service's progress and receipt, never the identifiers given. Open without a sign-in to the holder of"
            + " the request's follow token (X-Request-Token header, from the verification's answer); an unknown request"
            + " and a wrong or missing token alike answer 404.")
    @GetMapping("/{id}/progress")
    RequestViews.Detail progress(@PathVariable UUID id,
            @RequestHeader(name = "X-Request-Token", required = false) String token) {
        if (!following.opens(id, token)) {
            throw ProblemException.notFound("privacy request " + id);
        }
        return detail(filing.find(id));
    }

    @Operation(summary = "Record the requester's identity as checked", description = "The privacy officer records"
            + " how they checked the requester's identity and which identifiers (EMAIL, PHONE) belong to them, and the"
            + " request starts: only those identifiers reach the services. Privacy officer only (403 otherwise); a"
            + " request no longer awaiting verification is a 409 problem.")
    @PostMapping("/{id}/identity-verified")
    RequestViews.Detail identityVerified(@PathVariable UUID id, @Valid @RequestBody RequestBodies.IdentityVerified body,
            @AuthenticationPrincipal Jwt caller) {
        requireOfficer(caller);
        return officerDetail(verifying.byOfficer(id, body.note(), body.identifiers(), caller.getSubject()));
    }

    @Operation(summary = "Extend a request's deadline", description = "The privacy officer extends a request in"
            + " progress by one or two further months, once, for a stated reason; the requester is mailed the reason and"
            + " the new due date, and the extension is kept as evidence. Privacy officer only (403 otherwise); a request"
            + " not in progress or already extended is a 409 problem.")
    @PostMapping("/{id}/extension")
    RequestViews.Detail extend(@PathVariable UUID id, @Valid @RequestBody RequestBodies.ExtensionAsked body,
            @AuthenticationPrincipal Jwt caller) {
        requireOfficer(caller);
        return officerDetail(filing.extend(id, body.months(), body.reason(), caller.getSubject()));
    }

    /** The officer's queue; a signed-in client gets their own requests instead (the portal's list), newest first. */
    @Operation(summary = "List privacy requests", description = "For the privacy officer, the queue: requests awaiting"
            + " verification or in progress (or those of the status given), soonest due first, with how many services"
            + " are pending or late. A signed-in client gets their own requests instead, newest first. Privacy officer"
            + " or client; paged.")
    @GetMapping
    List<RequestViews.QueueItem> queue(@RequestParam(required = false) RequestStatus status,
            @AuthenticationPrincipal Jwt caller, Paging paging) {
        Optional<String> client = CurrentCaller.get().filter(CurrentCaller::isClient)
                .filter(person -> !person.hasRole("PRIVACY_OFFICER")).flatMap(CurrentCaller::emailIndex);
        if (client.isPresent()) {
            LocalDate today = PrivacyRequest.londonDay(clock.instant());
            return paging.of(requests.findByEmailIndexOrderByReceivedAtDesc(client.get()).stream()
                    .filter(request -> status == null || request.status() == status)
                    .map(request -> RequestViews.queueItem(request, registry, clock.instant(), today)).toList());
        }
        requireOfficer(caller);
        List<PrivacyRequest> found = status == null
                ? requests.findByStatusIn(List.of(RequestStatus.AWAITING_VERIFICATION, RequestStatus.IN_PROGRESS))
                : requests.findByStatus(status);
        LocalDate today = PrivacyRequest.londonDay(clock.instant());
        return paging.of(found.stream()
                .map(request -> RequestViews.queueItem(request, registry, clock.instant(), today))
                .sorted(Comparator.comparing(RequestViews.QueueItem::dueDate, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(RequestViews.QueueItem::receivedAt))
                .toList());
    }

    @Operation(summary = "Read a privacy request", description = "One request: its type, status, due date and"
            + " extension, each service's progress and receipt, and its bundle's state for an access or portability"
            + " request. The privacy officer reads any request and also sees the identifiers given, each marked proven"
            + " or not; a client reads only their own (anyone else's answers 404).")
    @GetMapping("/{id}")
    RequestViews.Detail one(@PathVariable UUID id, @AuthenticationPrincipal Jwt caller) {
        PrivacyRequest request = readableBy(caller, id);
        return roles(caller).contains("PRIVACY_OFFICER") ? officerDetail(request) : detail(request);
    }

    @Operation(summary = "Read a request's evidence", description = "Every step of the request's history (filed,"
            + " verified, chased, receipts, extended, bundle downloaded, completed) with when and by whom, kept after it"
            + " completes. The privacy officer reads any request's; a client only their own (anyone else's answers"
            + " 404). Paged.")
    @GetMapping("/{id}/evidence")
    List<EvidenceEntry> evidence(@PathVariable UUID id, @AuthenticationPrincipal Jwt caller, Paging paging) {
        return paging.of(readableBy(caller, id).evidence());
    }

    private RequestViews.Detail detail(PrivacyRequest request) {
        return RequestViews.detail(request, registry, clock.instant(), PrivacyRequest.londonDay(clock.instant()))
                .withBundle(request.type().isExport() ? exports.bundleOf(request.id()) : null);
    }

    /** The officer also sees every identifier the requester gave, each marked proven or not (opened from the seal). */
    private RequestViews.Detail officerDetail(PrivacyRequest request) {
        return detail(request).withIdentifiers(RequestViews.identifiers(request,
                request.sealedContact() == null ? null : seal.open(request.id(), request.sealedContact())));
    }

    /** The privacy officer reads any request; a client only their own, and anyone else's looks like nothing. */
    private PrivacyRequest readableBy(Jwt caller, UUID id) {
        PrivacyRequest request = filing.find(id);
        if (!roles(caller).contains("PRIVACY_OFFICER")
                && !Objects.equals(caller.getClaimAsString("email_index"), request.emailIndex())) {
            throw ProblemException.notFound("privacy request " + id);
        }
        return request;
    }

    private static void requireOfficer(Jwt caller) {
        if (!roles(caller).contains("PRIVACY_OFFICER")) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "Forbidden", "only the privacy officer may do this");
        }
    }

    // from the verified authentication, so the roles come from the configured claim (ALLURIS_ROLES_CLAIM)
    private static List<String> roles(Jwt caller) {
        return caller == null ? List.of() : CurrentCaller.get().map(CurrentCaller::roles).orElse(List.of());
    }
}
