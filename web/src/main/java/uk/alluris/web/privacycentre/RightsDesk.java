package uk.alluris.web.privacycentre;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import uk.alluris.web.services.Service;
import uk.alluris.web.services.ServiceCalls;

/**
 * The rights-request service's endpoints open to anyone, called for the visitor: filing, the mailed code, following
 * with the request's follow token and downloading with its download token (both sent as {@code X-Request-Token}).
 */
@Component
class RightsDesk {

    static final String REQUEST_TOKEN = "X-Request-Token";

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Filed(UUID id, String status) {
    }

    private final ServiceCalls calls;

    RightsDesk(ServiceCalls calls) {
        this.calls = calls;
    }

    Filed file(FilingForm form) {
        return calls.postAsVisitor(Service.RIGHTS, "/api/privacy/requests", form.toRequest(), Filed.class);
    }

    /** The right code starts the request; the answer carries its follow token (and an export's download token). */
    RequestProgress verify(UUID id, String code) {
        return calls.postAsVisitor(Service.RIGHTS, "/api/privacy/requests/{id}/verification", Map.of("code", code),
                RequestProgress.class, id);
    }

    RequestProgress progress(UUID id, String followToken) {
        return calls.getAsVisitor(Service.RIGHTS, "/api/privacy/requests/{id}/progress",
                Map.of(REQUEST_TOKEN, followToken), RequestProgress.class, id);
    }

    /** The bundle's ZIP; asked as an API caller, so a refusal is a problem to read, not the service's own page. */
    byte[] bundle(UUID id, String downloadToken) {
        return calls.getAsVisitor(Service.RIGHTS, "/api/privacy/requests/{id}/bundle",
                Map.of(REQUEST_TOKEN, downloadToken, "Accept", "application/zip, application/problem+json"),
                byte[].class, id);
    }
}
