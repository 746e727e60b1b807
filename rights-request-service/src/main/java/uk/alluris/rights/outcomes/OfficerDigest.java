package uk.alluris.rights.outcomes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import uk.alluris.rights.request.PrivacyRequests;
import uk.alluris.rights.request.RequestStatus;

/**
 * Every morning ({@code alluris.rights.digest.cron}, London time) mails the privacy officer
 * ({@code alluris.rights.digest.officer-email}) the requests due within seven days, the overdue ones and the late
 * services ({@link DigestLetter}); sent on a day with nothing to report too, so a silent morning means a broken job,
 * not a quiet week. The time comes from the {@link Clock} bean; a test calls {@link #send} with the instant it wants.
 * The platform's scheduler wrapper runs it once across replicas.
 */
@Component
class OfficerDigest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final PrivacyRequests requests;
    private final JavaMailSender mail;
    private final Clock clock;
    private final String from;
    private final String officer;
    private final Duration answerWithin;

    OfficerDigest(PrivacyRequests requests, JavaMailSender mail, Clock clock, @Value("${alluris.mail.from}") String from,
            @Value("${alluris.rights.digest.officer-email}") String officer,
            @Value("${alluris.rights.digest.answer-within:P2D}") Duration answerWithin) {
        this.requests = requests;
        this.mail = mail;
        this.clock = clock;
        this.from = from;
        this.officer = officer;
        this.answerWithin = answerWithin;
    }

    @Scheduled(cron = "${alluris.rights.digest.cron:0 0 7 * * *}", zone = "Europe/London")
    void sendDailyDigest() {
        send(clock.instant());
    }

    DigestLetter send(Instant now) {
        DigestLetter letter = DigestLetter.of(now.atZone(LONDON).toLocalDate(), now,
                requests.findByStatus(RequestStatus.IN_PROGRESS), answerWithin);
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(officer);
        message.setSubject(letter.subject());
        message.setText(letter.text());
        mail.send(message);
        return letter;
    }
}
