package uk.alluris.rights.contact;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * What the clinic writes to a requester: the verification code, an extension with its reason, and that a bundle is
 * ready. Mail always goes to the address the requester proved when filing — a rectification's corrected address is
 * not proved, so it is not written to.
 */
@Component
public class RequesterMail {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm 'UK time'", Locale.UK);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final JavaMailSender mail;
    private final String from;

    RequesterMail(JavaMailSender mail, @Value("${alluris.mail.from}") String from) {
        this.mail = mail;
        this.from = from;
    }

    public void sendCode(Contact to, UUID requestId, String requestType, String code) {
        send(to, "Confirm your privacy request", """
                We received a %s request from this address (reference %s).

                To confirm it is yours, enter this code: %s

                The code works for 24 hours. If you did not make this request, ignore this message and nothing
                will happen.

                Dr Alluris Aesthetics — data protection
                """.formatted(describe(requestType), requestId, code));
    }

    public void sendExtension(Contact to, UUID requestId, int months, String reason, LocalDate newDueDate) {
        send(to, "We need more time for your privacy request", """
                Your request (reference %s) needs more time than the usual month. The law allows us to extend it
                by up to two further months when a request is complex or one of several; we have extended it by
                %d month(s).

                Why: %s

                We will answer by %s. If you are unhappy with this, you may complain to the Information
                Commissioner's Office (ico.org.uk, 0303 123 1113).

                Dr Alluris Aesthetics — data protection
                """.formatted(requestId, months, reason, DAY.format(newDueDate)));
    }

    /** The bundle is ready: where to download it and until when. No personal data is in the mail, only the link. */
    public void sendBundleReady(Contact to, UUID requestId, String downloadLink, Instant expiresAt) {
        send(to, "Your personal data is ready to download", """
                We have answered your request (reference %s). Every part of our systems has been searched and
                the copy of your personal data is ready.

                Download it here (the link works only for you; keep it private):
                %s

                It can be downloaded until %s. After that we delete it and the key that protects it; if you
                need it again after then, just ask.

                The download is a ZIP file: summary.html is the readable overview, with an explanation of why we
                hold your data and your rights; the .json files are the same data in machine-readable form.

                If you are unhappy with our answer, please tell us; you may also complain to the Information
                Commissioner's Office (ico.org.uk, 0303 123 1113).

                Dr Alluris Aesthetics — data protection
                """.formatted(requestId, downloadLink, WHEN.format(expiresAt.atZone(LONDON))));
    }

    /**
     * How a completed request ended ({@code outcomes.OutcomeMail} words it from the receipts): categories, outcomes,
     * grounds and dates only, never a record's content.
     */
    public void sendOutcome(Contact to, String subject, String text) {
        send(to, subject, text);
    }

    private void send(Contact to, String subject, String text) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to.email());
        message.setSubject(subject);
        message.setText(text);
        mail.send(message);
    }

    private static String describe(String requestType) {
        return requestType.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
