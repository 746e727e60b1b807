package uk.alluris.gateway.staff;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** RFC 9457 problems for the staff endpoints' own refusals. */
@RestControllerAdvice(assignableTypes = { StaffAuthController.class, StaffAdminController.class })
class StaffProblems {

    @ExceptionHandler(StaffApiRefused.class)
    ResponseEntity<ProblemDetail> refused(StaffApiRefused e) {
        return problem(e.status, e.title, e.getMessage());
    }

    @ExceptionHandler(SecondFactorSignIn.AlreadyEnrolled.class)
    ResponseEntity<ProblemDetail> alreadyEnrolled(SecondFactorSignIn.AlreadyEnrolled e) {
        return problem(HttpStatus.CONFLICT, "Already enrolled", e.getMessage());
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return ResponseEntity.status(status).body(problem);
    }
}
