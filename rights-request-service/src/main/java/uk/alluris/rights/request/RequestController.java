package uk.alluris.rights.request;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.alluris.kit.privacy.Corrections;
import uk.alluris.kit.problem.ProblemException;
import uk.alluris.kit.security.CurrentCaller;
import uk.alluris.rights.contact.Contact;
import uk.alluris.rights.contact.ContactSeal;
import uk.alluris.rights.fanout.RightsProperties;

/** The rights-request API: filing and verifying (open to anyone), the staff queue, and each request's record. */
@RestController
@RequestMapping("/api/privacy/requests")
class RequestController {

    record FileRequest(@NotBlank @Pattern(
            regexp = "ERASURE|RESTRICTION|LIFT_RESTRICTION|OBJECTION_TO_MARKETING|ACCESS|PORTABILITY|RECTIFICATION",
            message = "must be one of ERASURE, RESTRICTION, LIFT_RESTRICTION, OBJECTION_TO_MARKETING, ACCESS, PORTABILITY,"
                    + " RECTIFICATION") String type,
            @NotBlank @Size(max = 320) String email, @Size(max = 40) String phone, @Size(max = 200) String fullName,
            @Size(max = 4000) String details, @Valid CorrectionsGiven corrections) {
    }

    /** What a RECTIFICATION corrects: at least one field; each is checked further (email, phone) when filed. */
    record CorrectionsGiven(@Size(min = 1, max = 200) String fullName, @Size(max = 320) String email,
            @Size(max = 40) String phone, @Past(message = "must be a date in the past") LocalDate dateOfBirth) {

        Corrections toCorrections() {
            return new Corrections(fullName, email, phone, dateOfBirth);
        }
    }

    record CodeGiven(@NotBlank @Pattern(regexp = "\\d{6}", message = "must be the 6-digit code") String code) {
    }

    /**
     * @param checked which of the identifiers given the officer checked belong to the requester: EMAIL, PHONE or both;
     *        only these reach the services. Left out, the email address alone (what the request is filed under).
     */
    record IdentityVerified(@NotBlank @Size(max = 2000) String note, @Size(min = 1, max = 2,
            message = "must name EMAIL, PHONE or both") List<@NotNull @Pattern(regexp = "EMAIL|PHONE",
                    message = "must be EMAIL or PHONE") String> checked) {

        List<Identifier> identifiers() {
            return checked == null ? List.of(Identifier.EMAIL)
                    : checked.stream().distinct().map(Identifier::valueOf).toList();
        }
    }

    record ExtensionAsked(@NotNull @Min(1) @Max(2) Integer months, @NotBlank @Size(max = 2000) String reason) {
    }

    private final FilingRequests filing;
    private final VerifyingRequests verifying;
    private final PrivacyRequests requests;
    private final RightsProperties properties;
    private final ContactSeal seal;
    private final Clock clock;

    RequestController(FilingRequests filing, VerifyingRequests verifying, PrivacyRequests requests,
            RightsProperties properties, ContactSeal seal, Clock clock) {
        this.filing = filing;
        this.verifying = verifying;
        this.seal = seal;
        this.requests = requests;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Open to anyone; the answer is the same whether a code was mailed or not (see {@link FilingRequests#file}). A
     * signed-in client filing under the address their token is bound to needs no code: the request starts at once
     * (IN_PROGRESS, with the download token of an export request).
     */
    @PostMapping
    ResponseEntity<RequestViews.Filed> file(@Valid @RequestBody FileRequest body) {
        Optional<String> signedInClient = CurrentCaller.get().filter(CurrentCaller::isClient)
                .flatMap(CurrentCaller::emailIndex);
        PrivacyRequest request = filing.file(RequestType.valueOf(body.type()),
                new Contact(body.email(), body.phone(), body.fullName(), body.details()),
                body.corrections() == null ? null : body.corrections().toCorrections(), signedInClient);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(new RequestViews.Filed(request.id(), request.status(), request.downloadTokenIssued()));
    }

    /** For an access or portability request, the answer carries the request's download token, once. */
    @PostMapping("/{id}/verification")
    RequestViews.Detail verify(@PathVariable UUID id, @Valid @RequestBody CodeGiven body) {
        PrivacyRequest verified = verifying.byCode(id, body.code());
        return detail(verified).withDownloadToken(verified.downloadTokenIssued());
    }

    @PostMapping("/{id}/identity-verified")
    RequestViews.Detail identityVerified(@PathVariable UUID id, @Valid @RequestBody IdentityVerified body,
            @AuthenticationPrincipal Jwt caller) {
        requireOfficer(caller);
        return officerDetail(verifying.byOfficer(id, body.note(), body.identifiers(), caller.getSubject()));
    }

    @PostMapping("/{id}/extension")
    RequestViews.Detail extend(@PathVariable UUID id, @Valid @RequestBody ExtensionAsked body,
            @AuthenticationPrincipal Jwt caller) {
        requireOfficer(caller);
        return officerDetail(filing.extend(id, body.months(), body.reason(), caller.getSubject()));
    }

    @GetMapping
    List<RequestViews.QueueItem> queue(@RequestParam(required = false) RequestStatus status,
            @AuthenticationPrincipal Jwt caller) {
        requireOfficer(caller);
        List<PrivacyRequest> found = status == null
                ? requests.findByStatusIn(List.of(RequestStatus.AWAITING_VERIFICATION, RequestStatus.IN_PROGRESS))
                : requests.findByStatus(status);
        LocalDate today = PrivacyRequest.londonDay(clock.instant());
        return found.stream()
                .map(request -> RequestViews.queueItem(request, properties, clock.instant(), today))
                .sorted(Comparator.comparing(RequestViews.QueueItem::dueDate, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(RequestViews.QueueItem::receivedAt))
                .toList();
    }

    @GetMapping("/{id}")
    RequestViews.Detail one(@PathVariable UUID id, @AuthenticationPrincipal Jwt caller) {
        PrivacyRequest request = readableBy(caller, id);
        return roles(caller).contains("PRIVACY_OFFICER") ? officerDetail(request) : detail(request);
    }

    @GetMapping("/{id}/evidence")
    List<EvidenceEntry> evidence(@PathVariable UUID id, @AuthenticationPrincipal Jwt caller) {
        return readableBy(caller, id).evidence();
    }

    private RequestViews.Detail detail(PrivacyRequest request) {
        return RequestViews.detail(request, properties, clock.instant(), PrivacyRequest.londonDay(clock.instant()));
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
