package uk.alluris.rights;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

/**
 * The rights service as the tests that read its mail see it: one GreenMail for the whole test JVM (each test reads
 * only the mail to its own fresh addresses), nobody chased for an hour, bundle links under privacy.alluris.example and
 * the bundle job run only when a test calls it. One configuration (annotations, properties and this one mail port),
 * so every class extending it shares one Spring context instead of starting its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "alluris.rights.chase-after=1h", "alluris.rights.public-url=https://privacy.alluris.example",
        "alluris.rights.bundle-check-every=1h" })
@UsesEmbeddedInfrastructure
public abstract class MailedRightsContext {

    /** Started on first use and kept until the JVM ends: the shared context keeps sending to its port. */
    protected static final GreenMail MAIL = startedMailServer();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    private static GreenMail startedMailServer() {
        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort())
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        mail.start();
        Runtime.getRuntime().addShutdownHook(new Thread(mail::stop, "rights-test-mail-stop"));
        return mail;
    }
}
