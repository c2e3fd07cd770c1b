package dev.cardflow.infrastructure.security;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** HMAC-SHA256 against RFC 4231's test vectors, also when one thread's Mac is keyed with one key after another. */
class HmacTest {

    private static final byte[] JEFE = "Jefe".getBytes(StandardCharsets.UTF_8);
    private static final String JEFE_DIGEST = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
    private static final byte[] TWENTY_0B = HexFormat.of().parseHex("0b".repeat(20));
    private static final String HI_THERE_DIGEST = "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7";

    @Test
    void matchesRfc4231WhicheverKeyCameBefore() {
        for (int round = 0; round < 3; round++) {
            assertThat(hex(Hmac.sha256(JEFE, "what do ya want for nothing?"))).isEqualTo(JEFE_DIGEST);
            assertThat(hex(Hmac.sha256(TWENTY_0B, "Hi There"))).isEqualTo(HI_THERE_DIGEST);
        }
    }

    @Test
    void threadsDoNotShareState() {
        var others = CompletableFuture.supplyAsync(() -> {
            String last = null;
            for (int i = 0; i < 10_000; i++) {
                last = hex(Hmac.sha256(TWENTY_0B, "Hi There"));
            }
            return last;
        });
        for (int i = 0; i < 10_000; i++) {
            assertThat(hex(Hmac.sha256(JEFE, "what do ya want for nothing?"))).isEqualTo(JEFE_DIGEST);
        }
        assertThat(others.join()).isEqualTo(HI_THERE_DIGEST);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
