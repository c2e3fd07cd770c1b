package dev.cardflow.platform.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/** A real SMTP server (GreenMail) on a port of its own, which a test may stop (an outage) and start again. */
public final class SmtpServer {

    private final int port = PlatformProcess.freePort();
    private GreenMail server;

    private SmtpServer() {
    }

    public static SmtpServer started() {
        SmtpServer smtp = new SmtpServer();
        smtp.start();
        return smtp;
    }

    public int port() {
        return port;
    }

    /** Listens again on the same port (with an empty mailbox); nothing when it already listens. */
    public synchronized void start() {
        if (server == null || !server.isRunning()) {
            server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
    }

    public synchronized void stop() {
        server.stop();
    }

    public synchronized List<MimeMessage> received() {
        return List.of(server.getReceivedMessages());
    }

    /** The mails with {@code email} among their recipients. */
    public List<MimeMessage> to(String email) {
        return received().stream().filter(m -> Arrays.stream(recipients(m)).anyMatch(
                a -> a.toString().equalsIgnoreCase(email))).toList();
    }

    public static Address[] recipients(MimeMessage mail) {
        try {
            Address[] to = mail.getAllRecipients();
            return to == null ? new Address[0] : to;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String text(MimeMessage mail) {
        try {
            return mail.getContent().toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
