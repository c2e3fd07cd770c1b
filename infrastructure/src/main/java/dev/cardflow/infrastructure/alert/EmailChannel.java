package dev.cardflow.infrastructure.alert;

import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** Mails each alert to the operators' address over SMTP ({@code spring.mail.*}). */
public class EmailChannel implements AlertChannel {

    private final JavaMailSender smtp;
    private final String from;
    private final String to;

    public EmailChannel(JavaMailSender smtp, String from, String to) {
        this.smtp = smtp;
        this.from = from;
        this.to = to;
    }

    @Override
    public String name() {
        return "email";
    }

    @Override
    public void send(Alert alert) {
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(from);
        mail.setTo(to);
        mail.setSubject("[cardflow] " + alert.severity() + ": " + alert.kind() + " · " + alert.subject());
        mail.setText(alert.message() + "\n\n" + (alert.link() == null ? "" : alert.link() + "\n")
                + "Raised at " + alert.at() + " (alert " + alert.id() + ").");
        try {
            smtp.send(mail);
        } catch (RuntimeException e) {
            throw new IllegalStateException("the mail server refused the alert: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }
}
