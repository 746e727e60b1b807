package uk.alluris.local;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The embedded default's mail server: GreenMail receives everything the platform sends over SMTP and lets anyone
 * read it over IMAP (any login reads that address's mailbox; the password is not checked). Ports from
 * {@code SMTP_PORT} (3025) and {@code IMAP_PORT} (3143), bound to 127.0.0.1 only.
 */
public final class MailServer {

    private MailServer() {
    }

    public static void main(String[] args) throws Exception {
        GreenMail mail = startFromEnvironment(System.getenv());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mail.stop();
            stopped.countDown();
        }, "mail-server-stop"));
        System.out.println("GreenMail: SMTP on 127.0.0.1:" + mail.getSmtp().getPort() + ", IMAP on 127.0.0.1:"
                + mail.getImap().getPort());
        stopped.await();
    }

    /** Starts GreenMail as {@code ./run} configures it: ports from {@code env}. */
    static GreenMail startFromEnvironment(Map<String, String> env) {
        return start(Integer.parseInt(env.getOrDefault("SMTP_PORT", "3025")),
                Integer.parseInt(env.getOrDefault("IMAP_PORT", "3143")));
    }

    public static GreenMail start(int smtpPort, int imapPort) {
        GreenMail mail = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP) })
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        mail.start();
        return mail;
    }
}
