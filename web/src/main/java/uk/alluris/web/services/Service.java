package uk.alluris.web.services;

import java.net.URI;

/** The parts of the clinic's system the pages call, each with the name staff see when it is not answering. */
public enum Service {
    GATEWAY("staff accounts"), BOOKING("bookings and clients"), RECORDS("clinical records"),
    CONSENT("consent ledger"), MARKETING("marketing"), RIGHTS("privacy requests");

    private final String part;

    Service(String part) {
        this.part = part;
    }

    /** What staff call this part of the system. */
    public String part() {
        return part;
    }

    URI in(ServiceUrls urls) {
        return switch (this) {
            case GATEWAY -> urls.gateway();
            case BOOKING -> urls.booking();
            case RECORDS -> urls.records();
            case CONSENT -> urls.consent();
            case MARKETING -> urls.marketing();
            case RIGHTS -> urls.rights();
        };
    }
}
