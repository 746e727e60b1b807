package uk.alluris.web.services;

import org.springframework.http.HttpStatusCode;

/**
 * A service refused the call with a problem (4xx): 401 means sign in again, 403 that the caller's role may not, other
 * codes what was wrong with the input; the page shows the service's own words.
 */
public class ServiceRefused extends RuntimeException {

    private final Service service;
    private final HttpStatusCode status;
    private final String title;
    private final String detail;

    ServiceRefused(Service service, HttpStatusCode status, String title, String detail) {
        super(service + " refused: " + status.value());
        this.service = service;
        this.status = status;
        this.title = title == null ? "Refused" : title;
        this.detail = detail == null ? "" : detail;
    }

    public Service service() {
        return service;
    }

    public HttpStatusCode status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public boolean signInNeeded() {
        return status.value() == 401;
    }

    public boolean forbidden() {
        return status.value() == 403;
    }

    public boolean notFound() {
        return status.value() == 404;
    }
}
