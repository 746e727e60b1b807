package uk.alluris.rights.request;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.rights.fanout.RightsProperties;
import uk.alluris.rights.fanout.ServiceAnswer;

/** What staff and requesters see of a request. */
final class RequestViews {

    enum ServiceState { PENDING, LATE, ANSWERED }

    record Filed(UUID id, RequestStatus status) {
    }

    record ServiceView(ServiceState state, int timesAsked, Instant answeredAt, List<CategoryOutcome> receipt) {
    }

    record Detail(UUID id, RequestType type, RequestStatus status, Instant receivedAt, LocalDate dueDate, boolean overdue,
            Extension extension, Map<String, ServiceView> services, Instant completedAt) {
    }

    record QueueItem(UUID id, RequestType type, RequestStatus status, Instant receivedAt, LocalDate dueDate,
            boolean dueWithinAWeek, boolean overdue, long servicesPending, long servicesLate) {
    }

    private RequestViews() {
    }

    static Detail detail(PrivacyRequest request, RightsProperties properties, Instant now, LocalDate today) {
        Map<String, ServiceView> services = new LinkedHashMap<>();
        request.answers().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> services.put(
                entry.getKey(), service(entry.getValue(), properties, now)));
        return new Detail(request.id(), request.type(), request.status(), request.receivedAt(), request.dueDate(),
                overdue(request, today), request.extension(), services, request.completedAt());
    }

    static QueueItem queueItem(PrivacyRequest request, RightsProperties properties, Instant now, LocalDate today) {
        Map<String, ServiceView> services = detail(request, properties, now, today).services();
        LocalDate due = request.dueDate();
        return new QueueItem(request.id(), request.type(), request.status(), request.receivedAt(), due,
                due != null && request.status() != RequestStatus.COMPLETED && !due.isAfter(today.plusDays(7)),
                overdue(request, today),
                services.values().stream().filter(s -> s.state() != ServiceState.ANSWERED).count(),
                services.values().stream().filter(s -> s.state() == ServiceState.LATE).count());
    }

    private static ServiceView service(ServiceAnswer answer, RightsProperties properties, Instant now) {
        ServiceState state = answer.answered() ? ServiceState.ANSWERED
                : answer.timesAsked() > 1 || answer.lastAskedAt().plus(properties.chaseAfter()).isBefore(now)
                        ? ServiceState.LATE : ServiceState.PENDING;
        return new ServiceView(state, answer.timesAsked(), answer.answeredAt(), answer.receipt());
    }

    private static boolean overdue(PrivacyRequest request, LocalDate today) {
        return request.dueDate() != null && request.status() != RequestStatus.COMPLETED && request.dueDate().isBefore(today);
    }
}
