package dev.cardflow.infrastructure.mode;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** What each mode needs before cardflow may start, named by environment variable and never by value. */
class ModeReadinessTest {

    private static final String SECRET = "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldC0xMjM0NTY=";

    @Test
    void demoNeedsNothing() {
        assertThat(ModeReadiness.refusal(new MockEnvironment())).isEmpty();
        assertThat(ModeReadiness.refusal(new MockEnvironment().withProperty("cardflow.mode", "demo")
                .withProperty("cardflow.payment.providers", "simulator"))).isEmpty();
    }

    @Test
    void demoMayUseEveryKnownProvider() {
        assertThat(ModeReadiness.refusal(new MockEnvironment()
                .withProperty("cardflow.payment.providers", "simulator, stripe,epay"))).isEmpty();
    }

    @Test
    void productionWithEverySecretMayStart() {
        assertThat(ModeReadiness.refusal(production("stripe"))).isEmpty();
        assertThat(ModeReadiness.refusal(production("epay")
                .withProperty("cardflow.payment.epay.url", "https://pay.example.com/")
                .withProperty("cardflow.payment.epay.pid", "1001")
                .withProperty("cardflow.payment.epay.key", "k"))).isEmpty();
    }

    @Test
    void productionWithNothingNamesEveryMissingVariableInOneLine() {
        MockEnvironment settings = new MockEnvironment().withProperty("cardflow.mode", "production")
                .withProperty("cardflow.payment.providers", "stripe");

        assertThat(ModeReadiness.refusal(settings)).hasValue("Production mode needs CARDFLOW_ADMIN_PASSWORD, "
                + "CARDFLOW_CARD_KEY_SECRET, CARDFLOW_TOKEN_SECRET, CARDFLOW_RECEIPT_SIGNING_KEY, CARDFLOW_PUBLIC_URL, "
                + "CARDFLOW_STRIPE_SECRET_KEY, "
                + "CARDFLOW_STRIPE_WEBHOOK_SECRET");
    }

    @Test
    void eachMissingVariableIsNamedOnItsOwn() {
        String[][] settings = {
                {"cardflow.admin.password", "CARDFLOW_ADMIN_PASSWORD"},
                {"cardflow.security.card-key-secret", "CARDFLOW_CARD_KEY_SECRET"},
                {"cardflow.security.token-secret", "CARDFLOW_TOKEN_SECRET"},
                {"cardflow.receipts.signing-key", "CARDFLOW_RECEIPT_SIGNING_KEY"},
                {"cardflow.public-url", "CARDFLOW_PUBLIC_URL"},
                {"cardflow.payment.stripe.secret-key", "CARDFLOW_STRIPE_SECRET_KEY"},
                {"cardflow.payment.stripe.webhook-secret", "CARDFLOW_STRIPE_WEBHOOK_SECRET"}};
        for (String[] setting : settings) {
            MockEnvironment missingOne = production("stripe").withProperty(setting[0], " ");

            assertThat(ModeReadiness.refusal(missingOne)).as(setting[1])
                    .hasValue("Production mode needs " + setting[1]);
        }
    }

    @Test
    void epayNeedsItsGatewayPidAndKey() {
        assertThat(ModeReadiness.refusal(production("epay")))
                .hasValue("Production mode needs CARDFLOW_EPAY_URL, CARDFLOW_EPAY_PID, CARDFLOW_EPAY_KEY");
        assertThat(ModeReadiness.refusal(production("epay").withProperty("cardflow.payment.epay.url", "https://pay/")
                .withProperty("cardflow.payment.epay.key", "k")))
                .hasValue("Production mode needs CARDFLOW_EPAY_PID");
    }

    @Test
    void aProviderThatIsNotEnabledNeedsNoSecrets() {
        // stripe only: the EPay variables are not asked for
        assertThat(ModeReadiness.refusal(production("stripe"))).isEmpty();
    }

    @Test
    void bothProvidersNeedTheirSecrets() {
        MockEnvironment settings = production("stripe,epay").withProperty("cardflow.payment.stripe.secret-key", "");

        assertThat(ModeReadiness.refusal(settings)).hasValue("Production mode needs CARDFLOW_STRIPE_SECRET_KEY, "
                + "CARDFLOW_EPAY_URL, CARDFLOW_EPAY_PID, CARDFLOW_EPAY_KEY");
    }

    @Test
    void theSimulatorProviderIsRefusedInProduction() {
        assertThat(ModeReadiness.refusal(production("stripe,simulator")))
                .hasValue("the simulator payment provider is not available in production (CARDFLOW_PAYMENT_PROVIDERS)");
    }

    @Test
    void productionWithoutAnyProviderIsRefused() {
        assertThat(ModeReadiness.refusal(production(" ")))
                .hasValue("Production mode needs CARDFLOW_PAYMENT_PROVIDERS");
    }

    @Test
    void anUnknownProviderIsRefusedInEitherMode() {
        assertThat(ModeReadiness.refusal(new MockEnvironment().withProperty("cardflow.payment.providers", "simulator,paypal")))
                .hasValue("CARDFLOW_PAYMENT_PROVIDERS names unknown payment providers: paypal (known: simulator, stripe, epay)");
        assertThat(ModeReadiness.refusal(production("stripe,paypal"))).get().asString()
                .startsWith("CARDFLOW_PAYMENT_PROVIDERS names unknown payment providers: paypal");
    }

    @Test
    void anUnknownModeIsRefused() {
        assertThat(ModeReadiness.refusal(new MockEnvironment().withProperty("cardflow.mode", "prod")))
                .hasValue("CARDFLOW_MODE must be demo or production");
    }

    @Test
    void theRefusalNeverShowsASecretValue() {
        MockEnvironment settings = production("stripe,simulator,epay")
                .withProperty("cardflow.payment.epay.key", "epay-key-value").withProperty("cardflow.public-url", "");

        assertThat(ModeReadiness.refusal(settings)).get().asString()
                .doesNotContain(SECRET, "sk_test_value", "whsec_value", "epay-key-value", "admin-password-value");
    }

    @Test
    void modeAndProvidersAreReadAsWritten() {
        assertThat(ModeReadiness.mode(new MockEnvironment().withProperty("cardflow.mode", " Production "))).hasValue(Mode.PRODUCTION);
        assertThat(ModeReadiness.mode(new MockEnvironment())).hasValue(Mode.DEMO);
        assertThat(ModeReadiness.providers(new MockEnvironment().withProperty("cardflow.payment.providers", " Stripe, ,epay ")))
                .containsExactly("stripe", "epay");
    }

    private static MockEnvironment production(String providers) {
        return new MockEnvironment()
                .withProperty("cardflow.mode", "production")
                .withProperty("cardflow.admin.password", "admin-password-value")
                .withProperty("cardflow.security.card-key-secret", SECRET)
                .withProperty("cardflow.security.token-secret", SECRET)
                .withProperty("cardflow.receipts.signing-key", SECRET)
                .withProperty("cardflow.public-url", "https://shop.example.com")
                .withProperty("cardflow.payment.providers", providers)
                .withProperty("cardflow.payment.stripe.secret-key", "sk_test_value")
                .withProperty("cardflow.payment.stripe.webhook-secret", "whsec_value");
    }
}
