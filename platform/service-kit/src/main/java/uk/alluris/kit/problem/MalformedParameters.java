package uk.alluris.kit.problem;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A query or form value Tomcat cannot decode ({@code ?email=a%ff@…}) is the caller's mistake: a 400 naming the rule,
 * not a 500. Neither the value nor Tomcat's message (which quotes it) is logged or answered: it may be personal data.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MalformedParameters {

    @ExceptionHandler(InvalidParameterException.class)
    ProblemDetail undecodable(InvalidParameterException e) {
        return ProblemDetailsAdvice.problem(HttpStatus.BAD_REQUEST, "Invalid input",
                "a query or form value is not valid percent-encoded UTF-8");
    }
}
