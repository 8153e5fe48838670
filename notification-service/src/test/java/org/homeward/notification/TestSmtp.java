package org.homeward.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The real SMTP server (GreenMail) the tests of a JVM share, on 127.0.0.1 and a random port. Test classes keep
 * apart by recipient addresses, never by restarting it.
 */
public final class TestSmtp {

    private static @Nullable GreenMail server;

    private TestSmtp() {}

    public static synchronized GreenMail server() {
        if (server == null) {
            var smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
            smtp.start();
            Runtime.getRuntime().addShutdownHook(new Thread(smtp::stop, "greenmail-shutdown"));
            server = smtp;
        }
        return server;
    }

    public static int port() {
        return server().getSmtp().getPort();
    }

    /** Every message received so far that was addressed to this address. */
    public static List<MimeMessage> messagesTo(String address) {
        return Arrays.stream(server().getReceivedMessages())
                .filter(message -> addressedTo(message, address))
                .toList();
    }

    private static boolean addressedTo(MimeMessage message, String address) {
        try {
            var recipients = message.getAllRecipients();
            return recipients != null
                    && Arrays.stream(recipients)
                            .anyMatch(recipient -> recipient
                                    .toString()
                                    .toLowerCase(Locale.ROOT)
                                    .contains(address));
        } catch (MessagingException unreadable) {
            return false;
        }
    }
}
