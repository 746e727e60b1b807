package uk.alluris.marketing.subscribers;

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
 * Tells every subscriber whose consent is current (a channel consent held, never opted out) of a material change to
 * the privacy policy (consent-service's {@code PolicyVersionPublished}; booking tells its clients). Once per person
 * and version (the kit's {@link PolicyNoticeClaims}: claimed before the mail goes, released if it fails). A change
 * that is not material is mailed to nobody. Logs name the version and counts, never a person.
 */
@Component
public class PolicyChangeNotices {

    private static final Logger log = LoggerFactory.getLogger(PolicyChangeNotices.class);

    private final Subscribers subscribers;
    private final PolicyNoticeClaims claims;
    private final JavaMailSender mail;
    private final String from;
    private final String policyUrl;

    PolicyChangeNotices(Subscribers subscribers, MongoTemplate mongo, JavaMailSender mail,
            @Value("${alluris.marketing.mail-from:news@alluris.local}") String from,
            @Value("${alluris.marketing.policy-url:${ALLURIS_PUBLIC_BASE_URL:http://127.0.0.1:8080}/privacy}") String policyUrl,
            Clock clock) {
        this.subscribers = subscribers;
        this.claims = new PolicyNoticeClaims(mongo, clock);
        this.mail = mail;
        this.from = from;
        this.policyUrl = policyUrl;
    }

    public void tell(PolicyVersionPublished published) {
        PolicyChangeText text = PolicyChangeText.of(published, policyUrl);
        int told = claims.tell(published, subscribers.findAll(), subscriber -> String.valueOf(subscriber.id()),
                PolicyChangeNotices::consentIsCurrent, subscriber -> {
                    SimpleMailMessage message = new SimpleMailMessage();
                    message.setFrom(from);
                    message.setTo(subscriber.email());
                    message.setSubject(text.subject());
                    message.setText(text.body());
                    mail.send(message);
                });
        log.info("policy version {}: {} subscriber(s) told of the material change", published.version(), told);
    }

    static boolean consentIsCurrent(Subscriber subscriber) {
        return subscriber.email() != null && subscriber.optedOutAt() == null && !subscriber.consents().isEmpty();
    }
}
