package dev.cardflow.fulfilment.notification;

import dev.cardflow.api.common.Money;
import dev.cardflow.api.common.SealedCardKey;
import dev.cardflow.api.inventory.ProductSource;
import dev.cardflow.api.order.BuyerNotified;
import dev.cardflow.api.order.DeliveryNotificationRequested;
import dev.cardflow.api.order.OrderDelivered;
import dev.cardflow.api.order.OrderPlaced;
import dev.cardflow.api.order.OrderRefunded;
import dev.cardflow.api.order.PaymentMethods;
import dev.cardflow.api.order.RecordBuyerNotification;
import dev.cardflow.api.order.RecordBuyerNotificationFailure;
import dev.cardflow.fulfilment.OrderPages;
import dev.cardflow.infrastructure.security.AccessTokens;
import dev.cardflow.infrastructure.security.CardKeyCipher;

import dev.cardflow.infrastructure.axon.Origin;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

class BuyerNotificationsTest {

    private static final String ORDER = "o-1";
    private static final CardKeyCipher CIPHER = new CardKeyCipher("mail-test".getBytes(StandardCharsets.UTF_8));
    private static final OrderPages PAGES = new OrderPages(new AccessTokens(new byte[32]), new MockEnvironment(),
            "https://shop.example");

    /** A mail service that records what it took, and refuses while told to. */
    static final class RecordingMailer implements Mailer {
        final List<String[]> sent = new ArrayList<>();
        boolean down;

        @Override
        public void send(String to, String subject, String text) {
            if (down) {
                throw new IllegalStateException("connection refused");
            }
            sent.add(new String[] {to, subject, text});
        }
    }

    private final RecordingMailer mailer = new RecordingMailer();
    private final List<Object> events = new ArrayList<>();
    private final List<Object> commands = new ArrayList<>();
    private final CommandGateway gateway = mock(CommandGateway.class);

    BuyerNotificationsTest() {
        // the aggregate's answer to a recorded mail: the event the next look-up sees
        doAnswer(call -> {
            CommandMessage<?> message = call.getArgument(0);
            assertThat(message.getMetaData()).containsEntry(Origin.ORIGIN, Origin.NOTIFICATION);
            Object command = message.getPayload();
            commands.add(command);
            if (command instanceof RecordBuyerNotification sent) {
                events.add(new BuyerNotified(sent.orderId(), sent.notificationId(), sent.kind()));
            }
            return null;
        }).when(gateway).sendAndWait(any(CommandMessage.class));
    }

    private BuyerNotifications notifications(Mailer mailer, boolean includeKeys) {
        return new BuyerNotifications(mailer, new MailTemplates(),
                orderId -> Optional.ofNullable(MailableOrder.of(List.copyOf(events))), PAGES, gateway, CIPHER,
                includeKeys, Runnable::run);
    }

    private OrderDelivered deliveredIn(String language) {
        events.add(new OrderPlaced(ORDER, "p-1", "Steam 100 CNY", 1, Money.of("100.00", "CNY"),
                Money.of("100.00", "CNY"), ProductSource.POOL, null, "buyer@example.com", "f", PaymentMethods.SIMULATOR,
                language));
        OrderDelivered delivered = new OrderDelivered(ORDER, List.of(CIPHER.seal("KEY-SECRET-1")), "buyer@example.com");
        events.add(delivered);
        return delivered;
    }

    @Test
    void deliveredOrderGetsOneMailInItsLanguageAndItIsRecordedOnTheOrder() {
        OrderDelivered delivered = deliveredIn("zh");

        notifications(mailer, false).on(delivered);

        assertThat(mailer.sent).hasSize(1);
        assertThat(mailer.sent.get(0)[0]).isEqualTo("buyer@example.com");
        assertThat(mailer.sent.get(0)[1]).isEqualTo("您购买的 Steam 100 CNY 卡密已发放");
        assertThat(mailer.sent.get(0)[2]).contains(PAGES.orderPage(ORDER)).doesNotContain("KEY-SECRET-1");
        assertThat(commands).containsExactly(new RecordBuyerNotification(ORDER, "delivered", "delivered"));
    }

    @Test
    void aRedeliveredEventSendsNoSecondMail() {
        OrderDelivered delivered = deliveredIn("en");
        BuyerNotifications notifications = notifications(mailer, false);

        notifications.on(delivered);
        notifications.on(delivered);

        assertThat(mailer.sent).hasSize(1);
    }

    @Test
    void aRefusedMailIsRecordedAsFailedThrownForRetryAndSentOnceWhenTheServiceIsBack() {
        OrderDelivered delivered = deliveredIn("vi");
        BuyerNotifications notifications = notifications(mailer, false);
        mailer.down = true;

        assertThatThrownBy(() -> notifications.on(delivered)).hasMessageContaining("connection refused");
        assertThat(commands).containsExactly(new RecordBuyerNotificationFailure(ORDER, "delivered", "delivered",
                "IllegalStateException: connection refused"));

        mailer.down = false;
        notifications.on(delivered);
        notifications.on(delivered);

        assertThat(mailer.sent).hasSize(1);
        assertThat(mailer.sent.get(0)[1]).isEqualTo("Mã thẻ Steam 100 CNY của bạn đã sẵn sàng");
    }

    @Test
    void keysAreMailedOnlyWhenTheShopSaysSo() {
        OrderDelivered delivered = deliveredIn("en");

        notifications(mailer, true).on(delivered);

        assertThat(mailer.sent.get(0)[2]).contains("KEY-SECRET-1");
    }

    @Test
    void refundGetsItsOwnMailAndEachOperatorRequestOneMore() {
        OrderDelivered delivered = deliveredIn("en");
        BuyerNotifications notifications = notifications(mailer, false);

        notifications.on(delivered);
        var resend = GenericEventMessage.asEventMessage(new DeliveryNotificationRequested(ORDER, "buyer@example.com"));
        notifications.on((DeliveryNotificationRequested) resend.getPayload(), resend);
        notifications.on((DeliveryNotificationRequested) resend.getPayload(), resend);
        notifications.on(new OrderRefunded(ORDER, "r-1"));
        notifications.on(new OrderRefunded(ORDER, "r-1"));

        assertThat(mailer.sent).extracting(mail -> mail[1]).containsExactly(
                "Your card keys for Steam 100 CNY are ready",
                "Your card keys for Steam 100 CNY are ready",
                "Your order for Steam 100 CNY was refunded");
    }

    @Test
    void withoutAMailServiceNothingIsSentOrRecorded() {
        OrderDelivered delivered = deliveredIn("en");

        notifications(Mailer.NONE, false).on(delivered);

        assertThat(commands).isEmpty();
    }
}
