package uk.alluris.booking.clients;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import uk.alluris.events.PolicyVersionPublished;
import uk.alluris.kit.register.PolicyChangeText;
import uk.alluris.kit.register.PolicyNoticeClaims;

/**
 * Tells every client with an account of a material change to the privacy policy (consent-service's
 * {@code PolicyVersionPublished}; consent holds no addresses, booking holds its clients'). Each client is told once per
 * version (the kit's {@link PolicyNoticeClaims}: claimed before the mail goes, released if it fails). Logs name the
 * version and counts, never a person.
 */
@Component
class PolicyChangeNotices {

    private static final Logger log = LoggerFactory.getLogger(PolicyChangeNotices.class);

    private final Clients clients;
    private final PolicyNoticeClaims claims;
    private final JavaMailSender mail;
    private final String from;
    private final String policyUrl;

    PolicyChangeNotices(Clients clients, MongoTemplate mongo, JavaMailSender mail,
            @Value("${alluris.booking.messages.mail-from:bookings@alluris.local}") String from,
            @Value("${alluris.booking.policy-url:${ALLURIS_PUBLIC_BASE_URL:http://127.0.0.1:8080}/privacy}") String policyUrl,
            Clock clock) {
        this.clients = clients;
        this.claims = new PolicyNoticeClaims(mongo, clock);
        this.mail = mail;
        this.from = from;
        this.policyUrl = policyUrl;
    }

    void tell(PolicyVersionPublished published) {
        PolicyChangeText text = PolicyChangeText.of(published, policyUrl);
        int told = claims.tell(published, clients.findAll(), client -> String.valueOf(client.id), client -> client.email() != null,
                client -> mail.send(notice(client.email(), text)));
        log.info("policy version {}: {} client(s) told of the material change", published.version(), told);
    }

    private SimpleMailMessage notice(String to, PolicyChangeText text) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(text.subject());
        message.setText(text.body());
        return message;
    }
}
