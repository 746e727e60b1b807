package uk.alluris.marketing;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The test SMTP server (GreenMail) and the test Graph API (WireMock), one of each per test JVM, on free ports, and the
 * settings that point the service at them (short retry waits, a circuit breaker that integration tests do not trip).
 * <p>
 * Registered in {@code META-INF/spring.factories} rather than per test class on purpose: every context consumes
 * {@code privacy.requests} and {@code consent.events} in group {@code marketing-service}, so two cached contexts would
 * share the partitions and answer each other's messages from the wrong database. Applied to every context the same
 * way, it leaves all of this module's test classes on one cached context.
 */
public class MarketingTestInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String GRAPH_VERSION = "/v21.0";
    private static volatile GreenMail mail;
    private static volatile WireMockServer graph;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("marketing-test-infrastructure",
                Map.of("spring.mail.host", "127.0.0.1",
                        "spring.mail.port", mail().getSmtp().getPort(),
                        "alluris.marketing.meta.graph-base-url", graph().baseUrl() + GRAPH_VERSION,
                        "alluris.marketing.meta.graph-retry-wait", "50ms",
                        "alluris.marketing.meta.graph-timeout", "3s",
                        "alluris.marketing.meta.pending-retry-interval", "500ms",
                        "alluris.marketing.meta.circuit-breaker-minimum-calls", "1000",
                        "alluris.marketing.campaigns.poll-interval", "200ms")));
    }

    public static synchronized GreenMail mail() {
        if (mail == null) {
            GreenMail started = new GreenMail(ServerSetupTest.SMTP.dynamicPort())
                    .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
            started.start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "greenmail-stop"));
            mail = started;
        }
        return mail;
    }

    public static synchronized WireMockServer graph() {
        if (graph == null) {
            WireMockServer started = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1")
                    .dynamicPort());
            started.start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "wiremock-stop"));
            graph = started;
        }
        return graph;
    }

    /** A received message's text, decoded (as a reader sees it, not as it travelled). */
    public static String text(MimeMessage message) {
        try {
            Object content = message.getContent();
            return content instanceof String text ? text : String.valueOf(content);
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every message GreenMail received for this address, oldest first. */
    public static MimeMessage[] messagesTo(String address) {
        return Arrays.stream(mail().getReceivedMessages()).filter(message -> {
            try {
                Address[] to = message.getAllRecipients();
                return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(address));
            } catch (MessagingException e) {
                return false;
            }
        }).toArray(MimeMessage[]::new);
    }
}
