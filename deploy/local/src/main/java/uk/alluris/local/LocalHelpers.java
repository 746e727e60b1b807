package uk.alluris.local;

import com.icegreen.greenmail.util.GreenMail;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The embedded default's three small stand-ins — the mail server ({@link MailServer}), the payment processor
 * simulator ({@link PaymentSimulator}) and the SMS sink ({@link SmsSink}) — in one JVM, on the same ports and with the
 * same settings as each would have alone. Each is a few threads and a few MiB of live data, but a JVM of its own costs
 * 50–70 MiB resident (class metadata, code cache, GC and compiler structures); one JVM for the three saves two of
 * those (docs/benchmarks.md, "Memory and JVM options"). Each class keeps its own {@code main} for running it alone.
 */
public final class LocalHelpers {

    private LocalHelpers() {
    }

    /** The three, running; {@link #stop()} stops them. */
    record Running(GreenMail mail, PaymentSimulator payments, SmsSink sms) {

        void stop() {
            sms.stop();
            payments.stop();
            mail.stop();
        }
    }

    public static void main(String[] args) throws Exception {
        Running helpers = start(System.getenv());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            helpers.stop();
            stopped.countDown();
        }, "local-helpers-stop"));
        System.out.println("GreenMail: SMTP on 127.0.0.1:" + helpers.mail().getSmtp().getPort() + ", IMAP on 127.0.0.1:"
                + helpers.mail().getImap().getPort());
        System.out.println("Payment simulator: Stripe-shaped API and checkout on http://127.0.0.1:"
                + helpers.payments().port());
        System.out.println("SMS sink: Twilio-shaped API on http://127.0.0.1:" + helpers.sms().port()
                + ", read GET /messages?to=");
        stopped.await();
    }

    /** Starts the three with the ports and settings {@code env} gives each (as their own mains read them). */
    static Running start(Map<String, String> env) throws IOException {
        GreenMail mail = MailServer.startFromEnvironment(env);
        try {
            PaymentSimulator payments = PaymentSimulator.startFromEnvironment(env);
            try {
                return new Running(mail, payments, SmsSink.startFromEnvironment(env));
            } catch (IOException | RuntimeException e) {
                payments.stop();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            mail.stop();
            throw e;
        }
    }
}
