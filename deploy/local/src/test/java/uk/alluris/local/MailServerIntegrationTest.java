package uk.alluris.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MailServerIntegrationTest {

    @Test
    void mailSentOverSmtpCanBeReadOverImapWithAnyPassword() throws Exception {
        int smtp = freePort();
        int imap = freePort();
        GreenMail mail = MailServer.start(smtp, imap);
        try {
            Properties smtpProperties = new Properties();
            smtpProperties.put("mail.smtp.host", "127.0.0.1");
            smtpProperties.put("mail.smtp.port", String.valueOf(smtp));
            MimeMessage message = new MimeMessage(Session.getInstance(smtpProperties));
            message.setFrom(new InternetAddress("privacy@alluris.local"));
            message.setRecipients(Message.RecipientType.TO, "jane@example.com");
            message.setSubject("Your code");
            message.setText("123456");
            Transport.send(message);

            Store store = Session.getInstance(new Properties()).getStore("imap");
            store.connect("127.0.0.1", imap, "jane@example.com", "anything");
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessages()).extracting(Message::getSubject).containsExactly("Your code");
            store.close();
        } finally {
            mail.stop();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
