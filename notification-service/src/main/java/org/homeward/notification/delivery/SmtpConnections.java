package org.homeward.notification.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Opens connections to the SMTP relay, each ready to send. */
@FunctionalInterface
interface SmtpConnections {

    /**
     * A transport connected (and authenticated) to the relay; the caller closes it.
     *
     * @throws jakarta.mail.AuthenticationFailedException if the relay refused the credentials
     * @throws MessagingException if no connection could be made
     */
    Transport open() throws MessagingException;

    /** Connections to where {@code spring.mail.*} points, with the session (timeouts, TLS) Boot built from it. */
    @Configuration(proxyBeanMethods = false)
    class FromMailProperties {

        @Bean
        SmtpConnections smtpConnections(JavaMailSenderImpl mail) {
            return () -> {
                var transport = mail.getSession().getTransport(mail.getProtocol());
                var username = mail.getUsername();
                var password = mail.getPassword();
                // As JavaMailSenderImpl does: empty credentials mean none.
                if ("".equals(username)) {
                    username = null;
                    password = "".equals(password) ? null : password;
                }
                transport.connect(mail.getHost(), mail.getPort(), username, password);
                return transport;
            };
        }
    }
}
