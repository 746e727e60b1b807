package uk.alluris.kit.inbox;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.messaging.Message;
import uk.alluris.kit.messaging.TraceParent;

/**
 * Handles a received event inside the trace its producer sent ({@link TraceParent}): a consumer span, child of the
 * producer's, is current while the handler runs, so every log line the handling writes carries the producer's trace
 * id (and the span's own id), and any call or event it makes continues the same trace. A message without a trace
 * context is handled as before, in a trace of its own.
 */
public final class ProducerTraces implements EventConsumer.Tracing {

    private final Tracer tracer;
    private final Propagator propagator;

    public ProducerTraces(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @Override
    public void within(Message<?> message, Runnable handling) {
        String traceparent = TraceParent.of(message);
        if (traceparent == null) {
            handling.run();
            return;
        }
        Span span = propagator.extract(traceparent, (carrier, name) -> TraceParent.HEADER.equals(name) ? carrier : null)
                .name("consume event").kind(Span.Kind.CONSUMER).start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            handling.run();
        } catch (RuntimeException failure) {
            span.error(failure);
            throw failure;
        } finally {
            span.end();
        }
    }
}
