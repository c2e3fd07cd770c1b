package dev.cardflow.simulator.epay;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EpaySignatureTest {

    static final String KEY = "0123456789abcdef";

    /** The parameters of a submit.php call, in no particular order. */
    static Map<String, String> submit() {
        Map<String, String> params = new HashMap<>();
        params.put("type", "alipay");
        params.put("pid", "1001");
        params.put("out_trade_no", "order-1");
        params.put("notify_url", "http://shop.example/api/payments/epay/notify");
        params.put("return_url", "http://shop.example/orders/order-1");
        params.put("name", "Steam 50");
        params.put("money", "9.90");
        return params;
    }

    @Test
    void signatureIsTheMd5OfTheSortedParametersFollowedByTheKey() {
        // printf '%s' 'money=9.90&name=Steam 50&notify_url=http://shop.example/api/payments/epay/notify&out_trade_no=order-1&pid=1001&return_url=http://shop.example/orders/order-1&type=alipay0123456789abcdef' | md5sum
        assertThat(EpaySignature.sign(submit(), KEY)).isEqualTo("a466751333b5869f5ead355edab877ed");
    }

    @Test
    void signSignTypeAndEmptyValuesAreLeftOutAndNamesAreSignedAsUtf8() {
        Map<String, String> params = submit();
        params.put("name", "礼品卡");
        params.put("return_url", "");
        params.put("sign", "whatever");
        params.put("sign_type", "MD5");
        // printf '%s' 'money=9.90&name=礼品卡&notify_url=http://shop.example/api/payments/epay/notify&out_trade_no=order-1&pid=1001&type=alipay0123456789abcdef' | md5sum
        assertThat(EpaySignature.sign(params, KEY)).isEqualTo("7311e7609a19d48d404b34a1addec83f");
    }

    @Test
    void verifiesItsOwnSignatureAndNothingElse() {
        Map<String, String> params = submit();
        params.put("sign", EpaySignature.sign(params, KEY));
        assertThat(EpaySignature.verify(params, KEY)).isTrue();
        assertThat(EpaySignature.verify(params, "another key")).isFalse();
        params.put("money", "0.01");
        assertThat(EpaySignature.verify(params, KEY)).isFalse();
    }
}
