package uk.alluris.web.pages;

import java.util.Map;
import org.springframework.stereotype.Component;
import uk.alluris.web.services.Service;
import uk.alluris.web.services.ServiceCalls;

/**
 * Reads the register of processing from the rights service on every page view: it is small, public and the same for
 * everyone, and reading it each time means a page never shows an older register than the bundle and the endpoint.
 * A rights service that does not answer is the page's {@code ServiceDown}, never a text of our own instead.
 */
@Component
public class RegisterReading {

    static final String PATH = "/api/privacy/register";

    private final ServiceCalls calls;

    RegisterReading(ServiceCalls calls) {
        this.calls = calls;
    }

    public RegisterOfProcessing read() {
        return calls.getAsVisitor(Service.RIGHTS, PATH, Map.of(), RegisterOfProcessing.class);
    }
}
