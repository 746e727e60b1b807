package uk.alluris.kit.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A domain refusal that is answered as a problem-details response, e.g. a 404 or a 409 with a reason. */
public class ProblemException extends ErrorResponseException {

    public ProblemException(HttpStatus status, String title, String detail) {
        super(status, problem(status, title, detail), null);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(HttpStatus.NOT_FOUND, "Not found", what + " was not found");
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
