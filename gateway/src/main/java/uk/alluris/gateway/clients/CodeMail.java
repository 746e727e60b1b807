package uk.alluris.gateway.clients;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Sends a sign-in code by email; the address is used for this and nothing else, and is not stored. */
@Component
class CodeMail {

    private final JavaMailSender mail;
    private final String from;

    CodeMail(JavaMailSender mail, @Value("${alluris.mail.from}") String from) {
        this.mail = mail;
        this.from = from;
    }

    Mono<Void> send(String to, String code) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject("Your Alluris sign-in code");
        message.setText("""
                Your sign-in code is %s.

                It works once, for 15 minutes. If you did not ask for it, you can ignore this message:
                nobody can sign in as you without it.

                Dr Alluris Aesthetics
                """.formatted(code));
        return Mono.fromRunnable(() -> mail.send(message)).subscribeOn(Schedulers.boundedElastic()).then();
    }
}
