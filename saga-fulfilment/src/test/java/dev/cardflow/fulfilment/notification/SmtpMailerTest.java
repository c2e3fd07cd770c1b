package dev.cardflow.fulfilment.notification;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SMTP adapter against a real SMTP server (GreenMail) over a socket. */
class SmtpMailerTest {

    @RegisterExtension
    static final GreenMailExtension smtpServer = new GreenMailExtension(ServerSetupTest.SMTP);

    private static JavaMailSenderImpl sender(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        sender.setDefaultEncoding("UTF-8");
        Properties properties = new Properties();
        properties.put("mail.smtp.connectiontimeout", "2000");
        properties.put("mail.smtp.timeout", "2000");
        sender.setJavaMailProperties(properties);
        return sender;
    }

    @Test
    void chineseMailArrivesFromTheConfiguredSenderReadableAsSent() throws Exception {
        Mailer mailer = new SmtpMailer(sender(smtpServer.getSmtp().getPort()), "shop@cardflow.test");

        mailer.send("buyer@example.com", "您购买的 Steam 卡密已发放", "您好:\n请在订单页面查看您的卡密。");

        MimeMessage[] received = smtpServer.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("您购买的 Steam 卡密已发放");
        assertThat(received[0].getFrom()[0].toString()).isEqualTo("shop@cardflow.test");
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("buyer@example.com");
        assertThat(GreenMailUtil.getBody(received[0])).isNotEmpty();
        assertThat(received[0].getContent().toString()).contains("请在订单页面查看您的卡密");
    }

    @Test
    void anUnreachableSmtpServerIsAFailureTheCallerSees() {
        Mailer mailer = new SmtpMailer(sender(smtpServer.getSmtp().getPort()), "shop@cardflow.test");
        smtpServer.stop();

        assertThatThrownBy(() -> mailer.send("buyer@example.com", "subject", "text"))
                .isInstanceOf(MailException.class);
    }
}
