package uk.alluris.kit.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.core.env.Environment;

/**
 * Makes each service's {@link EventConsumer}s with the platform's one convention: a binding {@code <function>-in-0}
 * consumes in the consumer group named after the service ({@code spring.application.name}), and its processed messages
 * are remembered under {@code <service>/<function>}. A binding configured with another group, or none (an anonymous
 * group would lose events while the service is down), stops the service from starting.
 */
public class EventConsumers {

    private final String service;
    private final Environment environment;
    private final EventConsumer.Once once;
    private final MeterRegistry meters;
    private final EventConsumer.Tracing tracing;

    public EventConsumers(String service, Environment environment, EventConsumer.Once once, MeterRegistry meters) {
        this(service, environment, once, meters, EventConsumer.Tracing.NONE);
    }

    public EventConsumers(String service, Environment environment, EventConsumer.Once once, MeterRegistry meters,
            EventConsumer.Tracing tracing) {
        this.service = service;
        this.environment = environment;
        this.once = once;
        this.meters = meters;
        this.tracing = tracing;
    }

    /** The consumer bound by {@code function}: the name of the {@code Consumer} bean and of its binding. */
    public EventConsumer.Builder consumer(String function) {
        String property = "spring.cloud.stream.bindings." + function + "-in-0.group";
        String group = environment.getProperty(property);
        if (!service.equals(group)) {
            throw new IllegalStateException(property + " must be " + service + " (consumer groups are named after the "
                    + "service); it is " + group);
        }
        return EventConsumer.keyed(key(service, function), once, meters, tracing);
    }

    /** The consumer key convention: {@code <group>/<function>}. */
    public static String key(String group, String function) {
        return group + "/" + function;
    }
}
