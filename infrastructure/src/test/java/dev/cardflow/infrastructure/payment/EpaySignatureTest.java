package dev.cardflow.infrastructure.payment;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EpaySignatureTest {

    /** The parameters of a submit.php request; the expected digest was computed with md5sum by hand. */
    private static Map<String, String> submit() {
        Map<String, String> p = new HashMap<>();
        p.put("pid", "1001");
        p.put("type", "alipay");
        p.put("out_trade_no", "20260101");
        p.put("name", "VIP");
        p.put("money", "1.00");
        p.put("notify_url", "");
        p.put("sign_type", "MD5");
        return p;
    }

    @Test
    void signsTheSortedNonEmptyParametersFollowedByTheKey() {
        // md5("money=1.00&name=VIP&out_trade_no=20260101&pid=1001&type=alipayKEY123")
        assertThat(EpaySignature.sign(submit(), "KEY123")).isEqualTo("d2c5af6e7bd5f934e49536114f45819d");
    }

    @Test
    void acceptsItsOwnSignatureInEitherCase() {
        Map<String, String> p = submit();
        p.put("sign", "D2C5AF6E7BD5F934E49536114F45819D");
        assertThat(EpaySignature.isSigned(p, "KEY123")).isTrue();
    }

    @Test
    void refusesAChangedParameterAnotherKeyOrNoSignature() {
        Map<String, String> p = submit();
        p.put("sign", EpaySignature.sign(p, "KEY123"));
        assertThat(EpaySignature.isSigned(p, "OTHER")).isFalse();
        p.put("money", "100.00");
        assertThat(EpaySignature.isSigned(p, "KEY123")).isFalse();
        p.remove("sign");
        assertThat(EpaySignature.isSigned(p, "KEY123")).isFalse();
    }
}
