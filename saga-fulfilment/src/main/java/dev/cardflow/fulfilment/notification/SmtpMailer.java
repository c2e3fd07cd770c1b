package dev.cardflow.fulfilment.notification;

import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * A {@link Mailer} over SMTP with Spring Boot's mail support ({@code spring.mail.*}). A failure is
 * thrown to the caller: the buyer-notifications processor parks the mail and tries it again.
 */
public class SmtpMailer implements Mailer {

    private final JavaMailSender smtp;
    private final String from;

    public SmtpMailer(JavaMailSender smtp, String from) {
        this.smtp = smtp;
        this.from = from;
    }

    @Override
    public void send(String to, String subject, String text) {
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(from);
        mail.setTo(to);
        mail.setSubject(subject);
        mail.setText(text);
        smtp.send(mail);
    }
}
