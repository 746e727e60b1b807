package uk.alluris.gateway.routing;

import io.swagger.v3.oas.annotations.Hidden;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/** What a caller gets while a service is down or its circuit is open: a 503 naming the service, never a hang. */
@Hidden // where the gateway forwards a failed call internally, not an API for integrators
@RestController
class FallbackController {

    private static final Logger log = LoggerFactory.getLogger(FallbackController.class);

    @RequestMapping("/fallback/{service}")
    ResponseEntity<ProblemDetail> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        log.warn("{} unavailable for {} {}: {}", service, exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(), cause == null ? "circuit open" : cause.toString());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                service + " is unavailable; please try again shortly");
        problem.setTitle("Service unavailable");
        problem.setProperty("service", service);
        // The type is set, not negotiated: a caller whose Accept names no JSON type (a browser, an XML client) still
        // gets the problem rather than an empty 503.
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** A service that cannot be reached is simply DOWN on its public health route, like one that says so itself. */
    @RequestMapping("/fallback/{service}/health")
    ResponseEntity<String> down(@PathVariable String service, ServerWebExchange exchange) {
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        log.warn("{} health unreachable: {}", service, cause == null ? "circuit open" : cause.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_JSON)
                .body(HealthStatusOnly.DOWN);
    }
}
