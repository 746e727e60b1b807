package uk.alluris.booking;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import uk.alluris.local.PaymentSimulator;
import uk.alluris.local.SmsSink;

/**
 * The outside providers booking talks to, one of each per test JVM on free ports, in-process: a mail server
 * (GreenMail), the payment processor simulator and the SMS sink (deploy/local), with the local profile's credentials.
 * Registered in {@code META-INF/spring.factories} so every context of this module is pointed at them the same way and
 * the module's test classes share one cached context. Messages are dispatched every 200 ms and retried after 200 ms,
 * given up after the third try, and quiet hours are off, so tests need not wait for the clock.
 */
public class BookingTestInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static GreenMail mail;
    private static PaymentSimulator processor;
    private static SmsSink sms;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("booking-test-infrastructure",
                Map.of("spring.mail.host", "127.0.0.1",
                        "spring.mail.port", mail().getSmtp().getPort(),
                        "alluris.booking.processor.base-url", "http://127.0.0.1:" + processor().port(),
                        "alluris.booking.sms.base-url", "http://127.0.0.1:" + sms().port(),
                        "alluris.booking.messages.dispatch-interval", "PT0.2S",
                        "alluris.booking.messages.retry-base", "PT0.2S",
                        "alluris.booking.messages.max-attempts", "3",
                        "alluris.booking.messages.quiet-hours-enabled", "false")));
    }

    public static synchronized GreenMail mail() {
        if (mail == null) {
            mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort())
                    .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
            mail.start();
            Runtime.getRuntime().addShutdownHook(new Thread(mail::stop, "greenmail-stop"));
        }
        return mail;
    }

    /** The simulator; a test tells it where its service listens ({@link PaymentSimulator#sendWebhooksTo}). */
    public static synchronized PaymentSimulator processor() {
        if (processor == null) {
            try {
                processor = PaymentSimulator.start(0, "sk_test_local-default-processor-key",
                        "local-default-payment-webhook-secret", null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(processor::stop, "payment-simulator-stop"));
        }
        return processor;
    }

    public static synchronized SmsSink sms() {
        if (sms == null) {
            try {
                sms = SmsSink.start(0, "AC-local-default-sms-account", "local-default-sms-auth-token");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(sms::stop, "sms-sink-stop"));
        }
        return sms;
    }

    /** Every mail received for {@code address}, oldest first. */
    public static List<MimeMessage> mailTo(String address) {
        return Arrays.stream(mail().getReceivedMessages()).filter(message -> {
            try {
                Address[] to = message.getAllRecipients();
                return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(address));
            } catch (MessagingException e) {
                return false;
            }
        }).toList();
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String text(MimeMessage message) {
        try {
            return String.valueOf(message.getContent());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
