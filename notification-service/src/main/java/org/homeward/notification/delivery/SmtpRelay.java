package org.homeward.notification.delivery;

import jakarta.annotation.PreDestroy;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Hands alert e-mails to the SMTP relay over a few shared connections. Opening a connection per message (connect,
 * EHLO, QUIT) costs several times the message itself, so each of {@code smtp-connections} senders takes whatever is
 * queued, up to {@link #MAX_MESSAGES_PER_CONNECTION}, and sends it through one connection: one message when alerts
 * trickle in, a full connection in a burst. Every message still gets its own outcome.
 */
@Component
class SmtpRelay {

    static final int MAX_MESSAGES_PER_CONNECTION = 50;

    private static final Logger log = LoggerFactory.getLogger(SmtpRelay.class);

    private record Queued(MimeMessage message, CompletableFuture<AttemptOutcome> outcome) {}

    private final JavaMailSender mail;
    private final BlockingQueue<Queued> queue = new LinkedBlockingQueue<>();
    private final List<Thread> senders = new ArrayList<>();

    SmtpRelay(JavaMailSender mail, DeliveryProperties properties) {
        this.mail = mail;
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
        try {
            mail.send(batch.stream().map(Queued::message).toArray(MimeMessage[]::new));
            batch.forEach(queued -> queued.outcome().complete(new AttemptOutcome.Delivered()));
        } catch (MailAuthenticationException authentication) {
            batch.forEach(queued -> queued.outcome().complete(new AttemptOutcome.Retry("SMTP authentication failed")));
        } catch (MailSendException failed) {
            batch.forEach(queued -> queued.outcome().complete(outcomeOf(queued.message(), failed)));
        } catch (MailException | IllegalStateException other) {
            var outcome = new AttemptOutcome.Unconfirmed(
                    "SMTP failed: " + other.getClass().getSimpleName());
            batch.forEach(queued -> queued.outcome().complete(outcome));
        } catch (RuntimeException | Error unexpected) {
            // The attempts fail as their own threads would have; this sender lives on for the next messages.
            log.error("Sending {} alert e-mails failed unexpectedly", batch.size(), unexpected);
            batch.forEach(queued -> queued.outcome().completeExceptionally(unexpected));
        }
    }

    /**
     * One message's outcome of a batch that failed in part. Messages not named in the failure were accepted; a
     * connection that could not be opened sent nothing of the rest; a refusal by the server is worth retrying;
     * anything else broke off an exchange the server may have completed.
     */
    static AttemptOutcome outcomeOf(MimeMessage message, MailSendException failed) {
        var failure = failed.getFailedMessages().get(message);
        if (failure == null) {
            return new AttemptOutcome.Delivered();
        }
        var reason = failed.getMessage();
        if (failure == failed.getCause() && reason != null && reason.startsWith("Mail server connection failed")) {
            return new AttemptOutcome.Retry("SMTP connection failed");
        }
        if (hasCause(failure, SendFailedException.class)) {
            return new AttemptOutcome.Retry("SMTP server refused the message");
        }
        return new AttemptOutcome.Unconfirmed("SMTP exchange cut off");
    }

    private static boolean hasCause(@Nullable Throwable failure, Class<? extends Throwable> type) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
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
