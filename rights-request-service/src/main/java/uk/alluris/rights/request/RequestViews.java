package uk.alluris.rights.request;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.events.Outcome;
import uk.alluris.rights.contact.Contact;

/** What staff and requesters see of a request. */
final class RequestViews {

    enum ServiceState { PENDING, LATE, ANSWERED }

    /** @param downloadToken only for an export request a signed-in client filed, which starts at once */
    record Filed(@Schema(description = "The request's id", example = "3f6c2a8e-5b1d-4c7e-9a2f-7d8e1b4c6a90") UUID id,
            @Schema(description = "Where the request stands: AWAITING_VERIFICATION until the mailed code is given, or"
                    + " IN_PROGRESS when a signed-in client filed it under the address their sign-in proved",
                    example = "AWAITING_VERIFICATION") RequestStatus status,
            @Schema(description = "Only for an access or portability request that a signed-in client filed (it starts"
                    + " at once): the token that downloads its bundle; shown once, never stored",
                    example = "q7ZsX2kP9vNw4tLm8cRb1yHd6fGj3aUe5oKi0pTs")
            @JsonInclude(JsonInclude.Include.NON_NULL) String downloadToken) {
    }

    /**
     * An identifier the requester gave, for the officer: EMAIL, PHONE or NAME, its value, and whether it was proven
     * (only proven ones are sent to the services; a name never is).
     */
    record StatedIdentifier(@Schema(description = "What kind of identifier: EMAIL, PHONE or NAME", example = "EMAIL")
            String kind,
            @Schema(description = "The identifier as the requester gave it", example = "jo.bloggs@example.org")
            String value,
            @Schema(description = "Whether it is proven (by the mailed code, the requester's sign-in or the officer's"
                    + " check); only proven identifiers reach the services, and a name never is", example = "true")
            boolean proven) {
    }

    /** @param changed for a rectification: what the service corrected, per category, e.g. {@code contact-profile (1)} */
    record ServiceView(@Schema(description = "PENDING (asked, not answered yet), LATE (asked more than once, or not"
            + " answered within the chase period) or ANSWERED", example = "ANSWERED") ServiceState state,
            @Schema(description = "How many times the service was asked: 1, more once it has been chased",
                    example = "1") int timesAsked,
            @Schema(description = "When the service answered (ISO 8601, UTC); null until it does",
                    example = "2026-12-03T10:31:12Z") Instant answeredAt,
            @Schema(description = "The service's receipt: what it did, per data category; null until it answers",
                    example = "[{\"category\": \"appointments\", \"outcome\": \"EXPORTED\", \"count\": 4}]")
            List<CategoryOutcome> receipt,
            @Schema(description = "For a rectification only: what the service corrected, per data category, with the"
                    + " number of records", example = "[\"client-profiles (1)\"]")
            @JsonInclude(JsonInclude.Include.NON_NULL) List<String> changed) {
    }

    /**
     * @param bundle for ACCESS and PORTABILITY only
     * @param corrections for RECTIFICATION only: the names of the fields corrected (never their values)
     * @param downloadToken only in the answer to the requester's verification of an export request: the token that
     *        downloads the bundle; shown once, never stored
     * @param followToken only in the answer to the requester's verification: the token with which they follow the
     *        request without an account ({@code GET …/{id}/progress}); shown once, only its hash kept
     */
    record Detail(@Schema(description = "The request's id", example = "3f6c2a8e-5b1d-4c7e-9a2f-7d8e1b4c6a90") UUID id,
            @Schema(description = "What the person asked for: ERASURE, RESTRICTION, LIFT_RESTRICTION,"
                    + " OBJECTION_TO_MARKETING, ACCESS, PORTABILITY or RECTIFICATION", example = "ACCESS")
            RequestType type,
            @Schema(description = "AWAITING_VERIFICATION, IN_PROGRESS or COMPLETED (every service has answered)",
                    example = "IN_PROGRESS") RequestStatus status,
            @Schema(description = "When the request was filed (ISO 8601, UTC)", example = "2026-12-03T10:30:00Z")
            Instant receivedAt,
            @Schema(description = "The statutory due date (a London day): one month from when the request was"
                    + " verified, later if extended; null until it is verified", example = "2027-01-03")
            LocalDate dueDate,
            @Schema(description = "Whether the due date has passed and the request is not completed", example = "false")
            boolean overdue,
            Extension extension,
            @Schema(description = "Each service asked, by name, with its progress and receipt",
                    example = "{\"booking-service\": {\"state\": \"PENDING\", \"timesAsked\": 1}}")
            Map<String, ServiceView> services,
            @Schema(description = "When the last service answered (ISO 8601, UTC); null until then",
                    example = "2026-12-04T09:15:00Z") Instant completedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) Exports.BundleView bundle,
            @Schema(description = "For a rectification only: the names of the fields corrected, never their values",
                    example = "[\"fullName\", \"phone\"]")
            @JsonInclude(JsonInclude.Include.NON_NULL) List<String> corrections,
            @Schema(description = "Only in the answer to the requester's verification of an access or portability"
                    + " request: the token that downloads the bundle; shown once, never stored",
                    example = "q7ZsX2kP9vNw4tLm8cRb1yHd6fGj3aUe5oKi0pTs")
            @JsonInclude(JsonInclude.Include.NON_NULL) String downloadToken,
            @Schema(description = "For the privacy officer only: every identifier the requester gave, marked proven or"
                    + " not",
                    example = "[{\"kind\": \"EMAIL\", \"value\": \"jo.bloggs@example.org\", \"proven\": true}]")
            @JsonInclude(JsonInclude.Include.NON_NULL) List<StatedIdentifier> identifiers,
            @Schema(description = "Only in the answer to the requester's verification: the token with which they follow"
                    + " the request without an account (X-Request-Token of GET /api/privacy/requests/{id}/progress);"
                    + " shown once, only its hash kept", example = "Hn4tW8xQ2mLc6vRb0zKp9sDf3gJy7uAe1iOw5kTs")
            @JsonInclude(JsonInclude.Include.NON_NULL) String followToken) {

        Detail withDownloadToken(String token) {
            return new Detail(id, type, status, receivedAt, dueDate, overdue, extension, services, completedAt, bundle,
                    corrections, token, identifiers, followToken);
        }

        Detail withBundle(Exports.BundleView view) {
            return new Detail(id, type, status, receivedAt, dueDate, overdue, extension, services, completedAt, view,
                    corrections, downloadToken, identifiers, followToken);
        }

        Detail withFollowToken(String token) {
            return new Detail(id, type, status, receivedAt, dueDate, overdue, extension, services, completedAt, bundle,
                    corrections, downloadToken, identifiers, token);
        }

        Detail withIdentifiers(List<StatedIdentifier> given) {
            return new Detail(id, type, status, receivedAt, dueDate, overdue, extension, services, completedAt, bundle,
                    corrections, downloadToken, given, followToken);
        }
    }

    record QueueItem(@Schema(description = "The request's id", example = "3f6c2a8e-5b1d-4c7e-9a2f-7d8e1b4c6a90") UUID id,
            @Schema(description = "What the person asked for: ERASURE, RESTRICTION, LIFT_RESTRICTION,"
                    + " OBJECTION_TO_MARKETING, ACCESS, PORTABILITY or RECTIFICATION", example = "ERASURE")
            RequestType type,
            @Schema(description = "AWAITING_VERIFICATION, IN_PROGRESS or COMPLETED", example = "IN_PROGRESS")
            RequestStatus status,
            @Schema(description = "When the request was filed (ISO 8601, UTC)", example = "2026-12-03T10:30:00Z")
            Instant receivedAt,
            @Schema(description = "The statutory due date (a London day); null until the request is verified",
                    example = "2027-01-03") LocalDate dueDate,
            @Schema(description = "Whether it is due within seven days and not completed", example = "false")
            boolean dueWithinAWeek,
            @Schema(description = "Whether the due date has passed and the request is not completed", example = "false")
            boolean overdue,
            @Schema(description = "How many services have not answered yet", example = "2") long servicesPending,
            @Schema(description = "How many of those are late (chased, or not answered within the chase period)",
                    example = "1") long servicesLate) {
    }

    private RequestViews() {
    }

    static Detail detail(PrivacyRequest request, ServiceRegistry registry, Instant now, LocalDate today) {
        Map<String, ServiceView> services = new LinkedHashMap<>();
        boolean rectification = request.type() == RequestType.RECTIFICATION;
        request.answers().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> services.put(
                entry.getKey(), service(entry.getValue(), registry, now, rectification)));
        return new Detail(request.id(), request.type(), request.status(), request.receivedAt(), request.dueDate(),
                overdue(request, today), request.extension(), services, request.completedAt(), null,
                rectification ? request.correctedFields() : null, null, null, null);
    }

    /** What the requester gave (nothing for an opt-out, which names people by blind index only), marked proven or not. */
    static List<StatedIdentifier> identifiers(PrivacyRequest request, Contact given) {
        if (given == null) {
            return List.of();
        }
        List<StatedIdentifier> identifiers = new ArrayList<>();
        identifiers.add(new StatedIdentifier("EMAIL", given.email(), request.proven().contains(Identifier.EMAIL)));
        if (given.phone() != null) {
            identifiers.add(new StatedIdentifier("PHONE", given.phone(), request.proven().contains(Identifier.PHONE)));
        }
        if (given.fullName() != null && !given.fullName().isBlank()) {
            identifiers.add(new StatedIdentifier("NAME", given.fullName(), false));
        }
        return identifiers;
    }

    static QueueItem queueItem(PrivacyRequest request, ServiceRegistry registry, Instant now, LocalDate today) {
        Map<String, ServiceView> services = detail(request, registry, now, today).services();
        LocalDate due = request.dueDate();
        return new QueueItem(request.id(), request.type(), request.status(), request.receivedAt(), due,
                due != null && request.status() != RequestStatus.COMPLETED && !due.isAfter(today.plusDays(7)),
                overdue(request, today),
                services.values().stream().filter(s -> s.state() != ServiceState.ANSWERED).count(),
                services.values().stream().filter(s -> s.state() == ServiceState.LATE).count());
    }

    private static ServiceView service(ServiceAnswer answer, ServiceRegistry registry, Instant now,
            boolean rectification) {
        ServiceState state = answer.answered() ? ServiceState.ANSWERED
                : answer.timesAsked() > 1 || answer.lastAskedAt().plus(registry.chaseAfter()).isBefore(now)
                        ? ServiceState.LATE : ServiceState.PENDING;
        List<String> changed = !rectification || answer.receipt() == null ? null : answer.receipt().stream()
                .filter(line -> line.outcome() == Outcome.RECTIFIED)
                .map(line -> line.category() + " (" + line.count() + ")").toList();
        return new ServiceView(state, answer.timesAsked(), answer.answeredAt(), answer.receipt(), changed);
    }

    private static boolean overdue(PrivacyRequest request, LocalDate today) {
        return request.dueDate() != null && request.status() != RequestStatus.COMPLETED && request.dueDate().isBefore(today);
    }
}
