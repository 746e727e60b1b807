package uk.alluris.web.services;

/** A service did not answer, or answered with a server error: the page says which part of the system is silent. */
public class ServiceDown extends RuntimeException {

    private final Service service;

    ServiceDown(Service service, Throwable cause) {
        super(service + " is not answering", cause);
        this.service = service;
    }

    public Service service() {
        return service;
    }
}
