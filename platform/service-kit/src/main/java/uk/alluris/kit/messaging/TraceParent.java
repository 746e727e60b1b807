package uk.alluris.kit.messaging;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.messaging.Message;

/**
 * The W3C trace context an event carries from the work that caused it to the consumers that handle it, so that one
 * trace id follows a request across the Kafka hop (docs/observability.md, "Tracing"). On the record it is the
 * {@value #HEADER} header and the CloudEvents distributed-tracing extension attribute {@code ce_traceparent}.
 */
public final class TraceParent {

    public static final String HEADER = "traceparent";
    private static final Pattern VALID = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    private TraceParent() {
    }

    private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern SPAN_ID = Pattern.compile("[0-9a-f]{16}");

    /**
     * The trace this thread's log lines carry (the {@code traceId} and {@code spanId} Micrometer Tracing puts in the
     * MDC), as a traceparent, or null outside any trace. Sent unsampled: spans are not recorded by default (sampling
     * probability 0), and a consumer continues the trace id either way.
     */
    public static String current() {
        String traceId = MDC.get("traceId");
        String spanId = MDC.get("spanId");
        if (traceId == null || spanId == null || !TRACE_ID.matcher(traceId).matches()
                || !SPAN_ID.matcher(spanId).matches()) {
            return null;
        }
        return "00-" + traceId + "-" + spanId + "-00";
    }

    /** The trace context a received message carries, or null when it has none or a malformed one. */
    public static String of(Message<?> message) {
        // the CloudEvents attribute first: producer instrumentation may add a traceparent header of its own
        for (String name : new String[] { CloudEvents.TRACEPARENT, "ce-" + HEADER, HEADER }) {
            Object value = message.getHeaders().get(name);
            String text = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                    : value == null ? null : value.toString();
            if (text != null && VALID.matcher(text).matches()) {
                return text;
            }
        }
        return null;
    }
}
