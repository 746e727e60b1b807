package uk.alluris.rights.request;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import com.fasterxml.jackson.annotation.JsonInclude;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.events.Outcome;
import uk.alluris.rights.contact.Contact;

/** What staff and requesters see of a request. */
final class RequestViews {

    enum ServiceState { PENDING, LATE, ANSWERED }

    /** @param downloadToken only for an export request a signed-in client filed, which starts at once */
    record Filed(UUID id, RequestStatus status, @JsonInclude(JsonInclude.Include.NON_NULL) String downloadToken) {
    }

    /**
     * An identifier the requester gave, for the officer: EMAIL, PHONE or NAME, its value, and whether it was proven
     * (only proven ones are sent to the services; a name never is).
     */
    record StatedIdentifier(String kind, String value, boolean proven) {
    }

    /** @param changed for a rectification: what the service corrected, per category, e.g. {@code contact-profile (1)} */
    record ServiceView(ServiceState state, int timesAsked, Instant answeredAt, List<CategoryOutcome> receipt,
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
    record Detail(UUID id, RequestType type, RequestStatus status, Instant receivedAt, LocalDate dueDate, boolean overdue,
            Extension extension, Map<String, ServiceView> services, Instant completedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) Exports.BundleView bundle,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<String> corrections,
            @JsonInclude(JsonInclude.Include.NON_NULL) String downloadToken,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<StatedIdentifier> identifiers,
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

    record QueueItem(UUID id, RequestType type, RequestStatus status, Instant receivedAt, LocalDate dueDate,
            boolean dueWithinAWeek, boolean overdue, long servicesPending, long servicesLate) {
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
