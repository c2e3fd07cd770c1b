package dev.cardflow.fulfilment;

import dev.cardflow.fulfilment.notification.BuyerMailProperties;
import dev.cardflow.fulfilment.notification.HttpMailer;
import dev.cardflow.fulfilment.notification.Mailer;
import dev.cardflow.fulfilment.notification.SmtpMailer;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.web.reactive.function.client.WebClient;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class FulfilmentConfigurationTest {

    @Test
    void theSimulatedPaymentProviderIsUsedOnlyInDemoMode() {
        assertThat(FulfilmentConfiguration.simulatorsMounted(new MockEnvironment())).isTrue();
        assertThat(FulfilmentConfiguration.simulatorsMounted(new MockEnvironment()
                .withProperty("cardflow.mode", "demo"))).isTrue();
        assertThat(FulfilmentConfiguration.simulatorsMounted(new MockEnvironment()
                .withProperty("cardflow.mode", "production"))).isFalse();
    }

    @Test
    void anUnknownModeNeverFallsBackToTheSimulator() {
        assertThat(FulfilmentConfiguration.simulatorsMounted(new MockEnvironment()
                .withProperty("cardflow.mode", "prod"))).isFalse();
    }

    @Test
    void buyerMailGoesOverSmtpWhenAHostIsSetToTheMailboxInDemoModeAndNowhereInProductionWithout() {
        MockEnvironment smtp = new MockEnvironment().withProperty("cardflow.mode", "production")
                .withProperty("spring.mail.host", "smtp.example.com");
        assertThat(mailer(smtp, true)).isInstanceOf(SmtpMailer.class);
        assertThat(mailer(new MockEnvironment().withProperty("cardflow.mode", "demo"), false))
                .isInstanceOf(HttpMailer.class);
        assertThat(mailer(new MockEnvironment().withProperty("cardflow.mode", "demo")
                .withProperty("spring.mail.host", ""), true)).isInstanceOf(HttpMailer.class);
        Mailer none = mailer(new MockEnvironment().withProperty("cardflow.mode", "production"), false);
        assertThat(none.configured()).isFalse();
    }

    private static Mailer mailer(MockEnvironment environment, boolean senderBuilt) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        if (senderBuilt) {
            beans.addBean("mailSender", new JavaMailSenderImpl());
        }
        ObjectProvider<JavaMailSender> senders = beans.getBeanProvider(JavaMailSender.class);
        FulfilmentProperties properties = new FulfilmentProperties(Duration.ofMinutes(15), Duration.ofSeconds(5),
                Duration.ofMinutes(2), Duration.ofSeconds(10), Duration.ofMinutes(2), 5, Duration.ofMinutes(1), 8,
                new FulfilmentProperties.Psp("", "", Duration.ofSeconds(5)), 8, "", "");
        return new FulfilmentConfiguration().mailer(senders,
                new BuyerMailProperties("shop@example.com", false, Duration.ofSeconds(20)), WebClient.builder(),
                properties, environment, null);
    }
}
