package uk.alluris.marketing.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import uk.alluris.marketing.MarketingProperties;

/**
 * What marketing writes: the double opt-in confirmation, and marketing messages. Every marketing message carries the
 * recipient's own signed unsubscribe link in its text and in the {@code List-Unsubscribe} and
 * {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click} headers (RFC 8058), so a mail client can unsubscribe with
 * one POST and no sign-in. Addresses never reach the logs.
 */
@Component
public class MarketingMail implements DisposableBean {

    public static final String CONFIRM_PATH = "/api/marketing/subscriptions/confirm";
    public static final String UNSUBSCRIBE_PATH = "/api/marketing/unsubscribe";

    private static final Logger log = LoggerFactory.getLogger(MarketingMail.class);

    private final JavaMailSender mail;
    private final SignedLinks links;
    private final MarketingProperties properties;
    /** Confirmations leave in the background, one after another, so a sign-up answers alike whatever happens next. */
    private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "marketing-mail");
        thread.setDaemon(true);
        return thread;
    });

    MarketingMail(JavaMailSender mail, SignedLinks links, MarketingProperties properties) {
        this.mail = mail;
        this.links = links;
        this.properties = properties;
    }

    /**
     * The confirmation link for a pending sign-up, sent in the background (a failure is logged, not thrown). Nothing
     * the form said reaches the mail but a plain first name ({@link PlainFirstName}).
     */
    public void sendConfirmationSoon(String to, String fullName, String confirmationToken) {
        String firstName = PlainFirstName.of(fullName);
        String link = properties.publicBaseUrl() + CONFIRM_PATH + "?token=" + encode(confirmationToken);
        String text = """
                Hello%s,

                Please confirm that you would like to hear from Dr Alluris Aesthetics (news, offers and updates):
                open this link and press the button on the page.

                %s

                The link works for %d hours. If you did not ask for this, ignore this message: you will not be
                added to any list.

                Dr Alluris Aesthetics, 3rd Floor, 45 Albemarle Street, London W1S 4JL
                """.formatted(firstName == null ? "" : " " + firstName, link, properties.confirmationValidFor().toHours());
        background.execute(() -> {
            try {
                send(to, "Please confirm your subscription", text, null);
            } catch (MailException | MessagingException e) {
                log.warn("a confirmation mail could not be sent: {}", e.getClass().getSimpleName());
            }
        });
    }

    /** The one-click unsubscribe link of a subscriber, as mailed. */
    public String unsubscribeUrl(UUID subscriberId) {
        return properties.publicBaseUrl() + UNSUBSCRIBE_PATH + "?token=" + encode(links.unsubscribe(subscriberId));
    }

    /** A marketing message to one subscriber, with their unsubscribe link and headers; throws when SMTP refuses. */
    public void sendMarketing(String to, UUID subscriberId, String subject, String body) throws MessagingException {
        String unsubscribe = unsubscribeUrl(subscriberId);
        String text = body.strip() + """


                --
                You receive this because you subscribed to news from Dr Alluris Aesthetics.
                Unsubscribe with one click: %s
                Dr Alluris Aesthetics, 3rd Floor, 45 Albemarle Street, London W1S 4JL
                """.formatted(unsubscribe);
        send(to, subject, text, unsubscribe);
    }

    private void send(String to, String subject, String text, String unsubscribe) throws MessagingException {
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
        helper.setFrom(properties.mailFrom());
        helper.setTo(to);
        helper.setSubject(subject);
        helper.setText(text);
        if (unsubscribe != null) {
            message.setHeader("List-Unsubscribe", "<" + unsubscribe + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        mail.send(message);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void destroy() {
        background.shutdown();
    }
}
