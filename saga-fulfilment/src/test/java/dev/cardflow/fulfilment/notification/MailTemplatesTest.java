package dev.cardflow.fulfilment.notification;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MailTemplatesTest {

    private static final String LINK = "https://shop.example/orders/o-1?token=t";
    private final MailTemplates templates = new MailTemplates();

    @Test
    void deliveryMailIsWrittenInTheOrdersLanguageNamingTheProductAndLinkingTheOrderPage() {
        BuyerMail zh = templates.render(MailKind.DELIVERED, "zh", "Steam 100 CNY", "o-1", LINK, List.of());
        assertThat(zh.subject()).isEqualTo("您购买的 Steam 100 CNY 卡密已发放");
        assertThat(zh.text()).contains("您的订单 o-1(Steam 100 CNY)已发货", LINK);

        BuyerMail vi = templates.render(MailKind.DELIVERED, "vi", "Garena 50k", "o-1", LINK, List.of());
        assertThat(vi.subject()).isEqualTo("Mã thẻ Garena 50k của bạn đã sẵn sàng");
        assertThat(vi.text()).contains("đơn hàng o-1 (Garena 50k) của bạn đã được giao", LINK);

        BuyerMail en = templates.render(MailKind.DELIVERED, "en", "Steam 10 EUR", "o-1", LINK, List.of());
        assertThat(en.subject()).isEqualTo("Your card keys for Steam 10 EUR are ready");
        assertThat(en.text()).contains(LINK).doesNotContain("{");
    }

    @Test
    void anUnknownLanguageGetsTheEnglishMail() {
        assertThat(templates.render(MailKind.REFUNDED, "fr", "Steam", "o-1", LINK, List.of()).subject())
                .isEqualTo("Your order for Steam was refunded");
    }

    @Test
    void keysAreInTheDeliveryMailOnlyWhenGiven() {
        assertThat(templates.render(MailKind.DELIVERED, "en", "Steam", "o-1", LINK, List.of()).text())
                .doesNotContain("Your card keys:");
        assertThat(templates.render(MailKind.RESENT, "zh", "Steam", "o-1", LINK, List.of("KEY-1", "KEY-2")).text())
                .contains("您的卡密:\nKEY-1\nKEY-2");
    }

    @Test
    void refundMailNamesTheRefundInEveryLanguage() {
        assertThat(templates.render(MailKind.REFUNDED, "zh", "Steam", "o-1", LINK, List.of()).subject()).contains("退款");
        assertThat(templates.render(MailKind.REFUNDED, "vi", "Steam", "o-1", LINK, List.of()).subject()).contains("hoàn tiền");
        assertThat(templates.render(MailKind.REFUNDED, "en", "Steam", "o-1", LINK, List.of()).text()).contains(LINK);
    }
}
