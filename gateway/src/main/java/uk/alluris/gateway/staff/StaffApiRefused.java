package uk.alluris.gateway.staff;

import org.springframework.http.HttpStatus;

/** A refusal by the staff endpoints, answered as a problem with this status, title and detail. */
class StaffApiRefused extends RuntimeException {

    final HttpStatus status;
    final String title;

    StaffApiRefused(HttpStatus status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    static StaffApiRefused unauthenticated() {
        return new StaffApiRefused(HttpStatus.UNAUTHORIZED, "Unauthenticated", "a valid bearer token is required");
    }

    static StaffApiRefused forbidden(String detail) {
        return new StaffApiRefused(HttpStatus.FORBIDDEN, "Forbidden", detail);
    }

    static StaffApiRefused invalid(String detail) {
        return new StaffApiRefused(HttpStatus.BAD_REQUEST, "Invalid input", detail);
    }
}
