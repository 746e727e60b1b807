package uk.alluris.web.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The clinic's published privacy information, as every access bundle carries it: the build copies rights-request
 * service's {@code bundle/supplementary-information.html} (kept in step with the privacy policy) into this module, so
 * the portal shows the same words and there is one text to change when the policy changes.
 */
@Component
class PortalPolicyText {

    private final String html;

    PortalPolicyText() {
        try {
            String file = new ClassPathResource("policy/supplementary-information.html")
                    .getContentAsString(StandardCharsets.UTF_8);
            // the file opens with a comment for its maintainers, not for readers
            int section = file.indexOf("<section");
            this.html = section < 0 ? file : file.substring(section);
        } catch (IOException missing) {
            throw new UncheckedIOException("the privacy policy text is missing from the build", missing);
        }
    }

    String html() {
        return html;
    }
}
