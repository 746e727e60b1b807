package uk.alluris.marketing.subscribers;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import uk.alluris.events.PolicyVersionPublished;
import uk.alluris.kit.register.PolicyChangeText;

/**
 * Tells every subscriber whose consent is current (a channel consent held, never opted out) of a material change to
 * the privacy policy (consent-service's {@code PolicyVersionPublished}; booking tells its clients). Once per person
 * and version: a notice is claimed ({@code policy_notices}, keyed version/subscriber) before its mail goes, released
 * if the mail fails, so a redelivered event mails only those not yet told. A change that is not material is mailed to
 * nobody. Logs name the version and counts, never a person.
 */
@Component
public class PolicyChangeNotices {

    private static final Logger log = LoggerFactory.getLogger(PolicyChangeNotices.class);

    @Document("policy_notices")
    record Notice(@Id String id, Instant mailedAt) {
    }

    private final Subscribers subscribers;
    private final MongoTemplate mongo;
    private final JavaMailSender mail;
    private final String from;
    private final String policyUrl;
    private final Clock clock;

    PolicyChangeNotices(Subscribers subscribers, MongoTemplate mongo, JavaMailSender mail,
            @Value("${alluris.marketing.mail-from:news@alluris.local}") String from,
            @Value("${alluris.marketing.policy-url:${ALLURIS_PUBLIC_BASE_URL:http://127.0.0.1:8080}/privacy}") String policyUrl,
            Clock clock) {
        this.subscribers = subscribers;
        this.mongo = mongo;
        this.mail = mail;
        this.from = from;
        this.policyUrl = policyUrl;
        this.clock = clock;
    }

    public void tell(PolicyVersionPublished published) {
        if (!published.material()) {
            return;
        }
        PolicyChangeText text = PolicyChangeText.of(published, policyUrl);
        int told = 0;
        for (Subscriber subscriber : subscribers.findAll()) {
            if (!consentIsCurrent(subscriber) || !claim(published.version(), subscriber)) {
                continue;
            }
            try {
                SimpleMailMessage message = new SimpleMailMessage();
                message.setFrom(from);
                message.setTo(subscriber.email());
                message.setSubject(text.subject());
                message.setText(text.body());
                mail.send(message);
                told++;
            } catch (MailException e) {
                mongo.remove(Query.query(where("_id").is(key(published.version(), subscriber))), Notice.class);
                throw e;
            }
        }
        log.info("policy version {}: {} subscriber(s) told of the material change", published.version(), told);
    }

    static boolean consentIsCurrent(Subscriber subscriber) {
        return subscriber.email() != null && subscriber.optedOutAt() == null && !subscriber.consents().isEmpty();
    }

    private boolean claim(String version, Subscriber subscriber) {
        try {
            mongo.insert(new Notice(key(version, subscriber), clock.instant()));
            return true;
        } catch (DuplicateKeyException alreadyTold) {
            return false;
        }
    }

    private static String key(String version, Subscriber subscriber) {
        return version + "/" + subscriber.id();
    }
}
