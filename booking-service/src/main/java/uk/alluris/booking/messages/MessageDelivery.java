package uk.alluris.booking.messages;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import uk.alluris.booking.clients.ClientContacts;
import uk.alluris.booking.sms.SmsSender;

/**
 * Sends one claimed message: to the contact details held at this moment (an erased person is written to by nobody; a
 * cancelled appointment's reminder is not sent), through the mail server or the SMS provider, and records the
 * outcome on the claim. Logs say which message and what became of it, never to whom or what it said.
 */
@Component
class MessageDelivery {

    private static final Logger log = LoggerFactory.getLogger(MessageDelivery.class);

    private final MessagePlans plans;
    private final ClientContacts contacts;
    private final JavaMailSender mail;
    private final SmsSender sms;
    private final MessageClaims claims;
    private final MessageProperties properties;
    private final MessageTexts texts;

    MessageDelivery(MessagePlans plans, ClientContacts contacts, JavaMailSender mail, SmsSender sms,
            MessageClaims claims, MessageProperties properties) {
        this.plans = plans;
        this.contacts = contacts;
        this.mail = mail;
        this.sms = sms;
        this.claims = claims;
        this.properties = properties;
        this.texts = new MessageTexts(properties.zone());
    }

    void deliver(ScheduledMessage message) {
        MessagePlan plan = plans.findById(message.appointmentId()).orElse(null);
        boolean aboutTheVisit = message.kind() == ScheduledMessage.Kind.REMINDER
                || message.kind() == ScheduledMessage.Kind.AFTERCARE;
        if (aboutTheVisit && (plan == null || plan.cancelled)) {
            claims.cancelled(message, "the appointment was cancelled, missed or erased");
            return;
        }
        Optional<ClientContacts.Contact> contact = contacts.of(message.clientId());
        if (contact.isEmpty()) {
            claims.cancelled(message, "no client to write to");
            return;
        }
        if (message.channel() == ScheduledMessage.Channel.SMS && contact.get().phone() == null) {
            claims.cancelled(message, "no phone number held");
            return;
        }
        MessageTexts.Text text = texts.write(message, plan, contact.get());
        try {
            String providerId = message.channel() == ScheduledMessage.Channel.SMS
                    ? sms.send(contact.get().phone(), text.body(), message.key())
                    : mail(contact.get().email(), text, message.key());
            claims.sent(message, providerId);
        } catch (MailException | SmsSender.SmsFailed | MessagingException e) {
            log.warn("message {} ({} by {}) not sent on try {}: {}", message.key(), message.kind(), message.channel(),
                    message.attempts(), e.getClass().getSimpleName());
            claims.failed(message, e.getClass().getSimpleName());
        }
    }

    private String mail(String to, MessageTexts.Text text, String key) throws MessagingException {
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
        helper.setFrom(properties.mailFrom());
        helper.setTo(to);
        helper.setSubject(text.subject());
        helper.setText(text.body());
        // SMTP has no idempotency: the key lets a reader (and support) tell a resend after a crash from a new message
        message.setHeader("X-Alluris-Message-Key", key);
        mail.send(message);
        return key;
    }
}
