package uk.alluris.rights.request;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import uk.alluris.kit.metrics.Sampled;

/**
 * The privacy officer's queue as Prometheus gauges (docs/observability.md): open requests by status, how many are
 * past their statutory due date or due within a week, and per service how many in-progress requests wait on it while
 * it is late (asked again, or silent past the chase interval), the same rules the officer's queue shows.
 */
@Component
class RequestGauges {

    static final String OPEN = "alluris.privacy.requests.open";
    static final String OVERDUE = "alluris.privacy.requests.overdue";
    static final String DUE_SOON = "alluris.privacy.requests.due.soon";
    static final String LATE = "alluris.privacy.services.late";

    record Queue(Map<RequestStatus, Long> open, long overdue, long dueSoon, Map<String, Long> lateByService) {
    }

    private final PrivacyRequests requests;
    private final ServiceRegistry registry;
    private final Clock clock;

    RequestGauges(PrivacyRequests requests, ServiceRegistry registry, Clock clock, MeterRegistry meters) {
        this.requests = requests;
        this.registry = registry;
        this.clock = clock;
        Sampled<Queue> queue = Sampled.every(Duration.ofSeconds(5), this::read);
        for (RequestStatus status : List.of(RequestStatus.AWAITING_VERIFICATION, RequestStatus.IN_PROGRESS)) {
            Gauge.builder(OPEN, queue, sample -> sample.get().open().getOrDefault(status, 0L))
                    .tag("status", status.name()).description("privacy requests not yet completed, by status")
                    .register(meters);
        }
        Gauge.builder(OVERDUE, queue, sample -> sample.get().overdue())
                .description("open privacy requests past their statutory due date").register(meters);
        Gauge.builder(DUE_SOON, queue, sample -> sample.get().dueSoon())
                .description("open privacy requests due within seven days").register(meters);
        for (String service : registry.registry()) {
            Gauge.builder(LATE, queue, sample -> sample.get().lateByService().getOrDefault(service, 0L))
                    .tag("service", service)
                    .description("in-progress privacy requests waiting on this service while it is late")
                    .register(meters);
        }
    }

    Queue read() {
        Instant now = clock.instant();
        LocalDate today = PrivacyRequest.londonDay(now);
        Map<RequestStatus, Long> open = new EnumMap<>(RequestStatus.class);
        Map<String, Long> late = new HashMap<>();
        long overdue = 0;
        long dueSoon = 0;
        for (PrivacyRequest request : requests.findByStatusIn(
                List.of(RequestStatus.AWAITING_VERIFICATION, RequestStatus.IN_PROGRESS))) {
            open.merge(request.status(), 1L, Long::sum);
            RequestViews.QueueItem item = RequestViews.queueItem(request, registry, now, today);
            overdue += item.overdue() ? 1 : 0;
            dueSoon += item.dueWithinAWeek() && !item.overdue() ? 1 : 0;
            if (request.status() == RequestStatus.IN_PROGRESS) {
                RequestViews.detail(request, registry, now, today).services().forEach((service, view) -> {
                    if (view.state() == RequestViews.ServiceState.LATE) {
                        late.merge(service, 1L, Long::sum);
                    }
                });
            }
        }
        return new Queue(open, overdue, dueSoon, late);
    }
}
