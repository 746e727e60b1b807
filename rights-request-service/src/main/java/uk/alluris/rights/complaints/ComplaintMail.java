package uk.alluris.rights.complaints;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * The answer to a complaint, mailed to the address it was made from. Every answer ends with the route to the
 * Information Commissioner's Office, whatever the answer says: the person may always take it further.
 */
@Component
class ComplaintMail {

    static final String ICO_ROUTE = """
            If you are not satisfied with this answer, you have the right to complain to the Information
            Commissioner's Office (ICO), the UK regulator for data protection: ico.org.uk/make-a-complaint,
            or call 0303 123 1113.""";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final JavaMailSender mail;
    private final String from;

    ComplaintMail(JavaMailSender mail, @Value("${alluris.mail.from}") String from) {
        this.mail = mail;
        this.from = from;
    }

    void sendAnswer(String to, UUID complaintId, java.time.LocalDate receivedOn, String answer) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject("Our answer to your complaint");
        message.setText("""
                Thank you for your complaint of %s (reference %s). Our answer:

                %s

                %s

                Dr Alluris Aesthetics — data protection
                """.formatted(DAY.format(receivedOn), complaintId, answer, ICO_ROUTE));
        mail.send(message);
    }
}
