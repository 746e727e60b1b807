package uk.alluris.marketing.leads;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.alluris.marketing.MarketingProperties;

@Configuration(proxyBeanMethods = false)
class LeadsConfiguration {

    /** The Graph API client; its circuit breaker's state and its retries are published as Resilience4j metrics. */
    @Bean
    GraphLeads graphLeads(MarketingProperties properties, MeterRegistry meters) {
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
        RetryRegistry retries = RetryRegistry.ofDefaults();
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
        TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(meters);
        return new GraphLeads(properties.meta(), breakers, retries);
    }
}
