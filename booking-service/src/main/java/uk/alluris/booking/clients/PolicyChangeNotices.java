package uk.alluris.booking.clients;

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
 * Tells every client with an account of a material change to the privacy policy (consent-service's
 * {@code PolicyVersionPublished}; consent holds no addresses, booking holds its clients'). Each client is told once per
 * version: a notice is claimed ({@code policy_notices}, keyed version/client) before its mail goes, and released if
 * the mail fails, so a redelivered event mails only those not yet told. Logs name the version and counts, never a
 * person.
 */
@Component
class PolicyChangeNotices {

    private static final Logger log = LoggerFactory.getLogger(PolicyChangeNotices.class);

    @Document("policy_notices")
    record Notice(@Id String id, Instant mailedAt) {
    }

    private final Clients clients;
    private final MongoTemplate mongo;
    private final JavaMailSender mail;
    private final String from;
    private final String policyUrl;
    private final Clock clock;

    PolicyChangeNotices(Clients clients, MongoTemplate mongo, JavaMailSender mail,
            @Value("${alluris.booking.messages.mail-from:bookings@alluris.local}") String from,
            @Value("${alluris.booking.policy-url:${ALLURIS_PUBLIC_BASE_URL:http://127.0.0.1:8080}/privacy}") String policyUrl,
            Clock clock) {
        this.clients = clients;
        this.mongo = mongo;
        this.mail = mail;
        this.from = from;
        this.policyUrl = policyUrl;
        this.clock = clock;
    }

    void tell(PolicyVersionPublished published) {
        if (!published.material()) {
            return;
        }
        int told = 0;
        for (Client client : clients.findAll()) {
            if (client.email() == null || !claim(published.version(), client)) {
                continue;
            }
            try {
                mail.send(notice(client.email(), published));
                told++;
            } catch (MailException e) {
                mongo.remove(Query.query(where("_id").is(published.version() + "/" + client.id)), Notice.class);
                throw e;
            }
        }
        log.info("policy version {}: {} client(s) told of the material change", published.version(), told);
    }

    private boolean claim(String version, Client client) {
        try {
            mongo.insert(new Notice(version + "/" + client.id, clock.instant()));
            return true;
        } catch (DuplicateKeyException alreadyTold) {
            return false;
        }
    }

    private SimpleMailMessage notice(String to, PolicyVersionPublished published) {
        PolicyChangeText text = PolicyChangeText.of(published, policyUrl);
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(text.subject());
        message.setText(text.body());
        return message;
    }
}
