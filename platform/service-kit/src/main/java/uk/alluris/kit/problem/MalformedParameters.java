package uk.alluris.kit.problem;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartException;

/**
 * A query or form value Tomcat cannot decode ({@code ?email=a%ff@…}), a form parameter name the firewall refuses, or a
 * multipart body without its boundary is the caller's mistake: a 400 naming the rule, not a 500. Neither the value nor
 * the exception's message (which quotes it) is logged or answered: it may be personal data.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MalformedParameters {

    @ExceptionHandler(InvalidParameterException.class)
    ProblemDetail undecodable(InvalidParameterException e) {
        return ProblemDetailsAdvice.problem(HttpStatus.BAD_REQUEST, "Invalid input",
                "a query or form value is not valid percent-encoded UTF-8");
    }

    /** The firewall checks form parameter names lazily, when a handler first reads them (a JSON body sent as a form). */
    @ExceptionHandler(RequestRejectedException.class)
    ProblemDetail rejected(RequestRejectedException e) {
        return ProblemDetailsAdvice.problem(HttpStatus.BAD_REQUEST, "Invalid input",
                "a query or form parameter name or value has characters that are not allowed");
    }

    @ExceptionHandler(MultipartException.class)
    ProblemDetail unreadableMultipart(MultipartException e) {
        return ProblemDetailsAdvice.problem(HttpStatus.BAD_REQUEST, "Invalid input",
                "the multipart body could not be read: it needs a boundary and well-formed parts");
    }
}
