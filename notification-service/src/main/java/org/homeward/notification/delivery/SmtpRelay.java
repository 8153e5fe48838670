package org.homeward.notification.delivery;

import jakarta.annotation.PreDestroy;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Hands alert e-mails to the SMTP relay over a few shared connections. Opening a connection per message (connect,
 * EHLO, QUIT) costs several times the message itself, so each of {@code smtp-connections} senders takes whatever is
 * queued, up to {@link #MAX_MESSAGES_PER_CONNECTION}, and sends it through one connection: one message when alerts
 * trickle in, a full connection in a burst. Every message still gets its own outcome.
 *
 * <p>The senders drive the transport themselves rather than through {@code JavaMailSender.send}, which asks the server
 * whether the connection is still up (a NOOP round trip) before every message; here only a failed exchange does. The
 * messages come saved ({@link EmailChannel}).
 */
@Component
class SmtpRelay {

    static final int MAX_MESSAGES_PER_CONNECTION = 50;

    private static final Logger log = LoggerFactory.getLogger(SmtpRelay.class);

    private record Queued(MimeMessage message, CompletableFuture<AttemptOutcome> outcome) {}

    private final SmtpConnections connections;
    private final BlockingQueue<Queued> queue = new LinkedBlockingQueue<>();
    private final List<Thread> senders = new ArrayList<>();

    SmtpRelay(SmtpConnections connections, DeliveryProperties properties) {
        this.connections = connections;
        for (var i = 0; i < properties.smtpConnections(); i++) {
            // Platform threads: in a burst thousands of attempts queue for the virtual threads' carriers, and a
            // virtual sender would wait behind all of them at each of an SMTP exchange's round trips.
            senders.add(Thread.ofPlatform().name("smtp-sender-" + i).daemon().start(this::sendWhileRunning));
        }
    }

    /**
     * Sends the message and waits for the relay's answer.
     *
     * @throws Error if a sender failed fatally with the message in hand: the attempt dies with it, unsettled, as if
     *     it had been sending itself
     */
    AttemptOutcome send(MimeMessage message) {
        var queued = new Queued(message, new CompletableFuture<>());
        queue.add(queued);
        try {
            return queued.outcome().join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof Error fatal) {
                throw fatal;
            }
            throw failed;
        }
    }

    /** Messages waiting for a connection. */
    int waiting() {
        return queue.size();
    }

    private void sendWhileRunning() {
        while (!Thread.currentThread().isInterrupted()) {
            var batch = new ArrayList<Queued>();
            try {
                batch.add(queue.take());
            } catch (InterruptedException stopping) {
                return;
            }
            queue.drainTo(batch, MAX_MESSAGES_PER_CONNECTION - 1);
            sendThroughOneConnection(batch);
        }
    }

    private void sendThroughOneConnection(List<Queued> batch) {
        Transport transport = null;
        Queued inHand = null;
        var next = 0;
        try {
            while (next < batch.size()) {
                if (transport == null) {
                    try {
                        transport = connections.open();
                    } catch (AuthenticationFailedException refused) {
                        completeFrom(batch, next, new AttemptOutcome.Retry("SMTP authentication failed"));
                        return;
                    } catch (MessagingException unreachable) {
                        // Nothing of the rest was sent: all of it can be tried again.
                        completeFrom(batch, next, new AttemptOutcome.Retry("SMTP connection failed"));
                        return;
                    }
                }
                inHand = batch.get(next++);
                var outcome = send(transport, inHand.message());
                inHand.outcome().complete(outcome);
                inHand = null;
                if (!(outcome instanceof AttemptOutcome.Delivered) && !transport.isConnected()) {
                    // The failed exchange took the connection with it; the next message gets a new one.
                    closeQuietly(transport);
                    transport = null;
                }
            }
        } catch (RuntimeException | Error unexpected) {
            // The attempt in hand fails as its own thread would have; the ones after it never reached the relay.
            // This sender lives on for the next messages.
            log.error("Sending an alert e-mail failed unexpectedly", unexpected);
            if (inHand != null) {
                inHand.outcome().completeExceptionally(unexpected);
            }
            completeFrom(batch, next, new AttemptOutcome.Retry("SMTP sender failed"));
        } finally {
            if (transport != null) {
                closeQuietly(transport);
            }
        }
    }

    /**
     * One message through an open connection. A refusal by the server is worth retrying; anything else broke off an
     * exchange the server may have completed.
     */
    static AttemptOutcome send(Transport transport, MimeMessage message) {
        try {
            var recipients = message.getAllRecipients();
            transport.sendMessage(message, recipients == null ? new Address[0] : recipients);
            return new AttemptOutcome.Delivered();
        } catch (SendFailedException refused) {
            return new AttemptOutcome.Retry("SMTP server refused the message");
        } catch (MessagingException broken) {
            return new AttemptOutcome.Unconfirmed("SMTP exchange cut off");
        }
    }

    private static void completeFrom(List<Queued> batch, int from, AttemptOutcome outcome) {
        for (var index = from; index < batch.size(); index++) {
            batch.get(index).outcome().complete(outcome);
        }
    }

    private static void closeQuietly(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException | RuntimeException alreadyGone) {
            // Closing sends QUIT; a connection that broke cannot, and need not.
        }
    }

    @PreDestroy
    void stop() {
        senders.forEach(Thread::interrupt);
        // Whatever is still queued never reached the relay: sending it again later is safe.
        var unsent = new ArrayList<Queued>();
        queue.drainTo(unsent);
        unsent.forEach(queued -> queued.outcome().complete(new AttemptOutcome.Retry("interrupted by shutdown")));
    }
}
