package uk.alluris.gateway.frontdoor;

import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import org.springframework.web.server.ServerWebInputException;
import uk.alluris.kit.identity.InvalidEmailAddress;

/** RFC 9457 problem details for the gateway's own endpoints (sign-in, keys). */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class GatewayProblems {

    @ExceptionHandler(SignInRefused.class)
    ResponseEntity<ProblemDetail> refused(SignInRefused e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem(HttpStatus.UNAUTHORIZED, "Sign-in refused", e.getMessage()));
    }

    @ExceptionHandler(TooManyRequests.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyRequests e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", String.valueOf(e.retryAfterSeconds()))
                .body(problem(HttpStatus.TOO_MANY_REQUESTS, "Too many requests", e.getMessage()));
    }

    @ExceptionHandler(InvalidEmailAddress.class)
    ResponseEntity<ProblemDetail> invalidEmail(InvalidEmailAddress e) {
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Invalid input", e.getMessage()));
    }

    @ExceptionHandler(WebExchangeBindException.class)
    ResponseEntity<ProblemDetail> invalidFields(WebExchangeBindException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid input", "the request has invalid fields");
        // The rejected values are left out: they may be a password or someone's address.
        problem.setProperty("errors", e.getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage()))).toList());
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<ProblemDetail> unreadable(ServerWebInputException e) {
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Invalid input", "the request body could not be read"));
    }

    /** Spring's own detail quotes the Content-Type sent: this one names only what is accepted. */
    @ExceptionHandler(UnsupportedMediaTypeStatusException.class)
    ResponseEntity<ProblemDetail> unsupportedType(UnsupportedMediaTypeStatusException e) {
        String accepted = e.getSupportedMediaTypes().isEmpty() ? "application/json" : e.getSupportedMediaTypes().stream()
                .map(Object::toString).distinct().collect(java.util.stream.Collectors.joining(", "));
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Unsupported Media Type", "the body must be sent as " + accepted));
    }

    /** Spring's own detail repeats the path asked for. */
    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> nothingHere(NoResourceFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem(HttpStatus.NOT_FOUND, "Not Found",
                "there is nothing at this address"));
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
