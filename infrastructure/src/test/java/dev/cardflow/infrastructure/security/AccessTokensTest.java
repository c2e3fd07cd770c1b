package dev.cardflow.infrastructure.security;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class AccessTokensTest {

    private final AccessTokens tokens = new AccessTokens(new byte[32]);
    private final Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aStreamTicketIsValidForItsOrderUntilItExpires() {
        String ticket = tokens.issueStreamTicket("order-1", now.plusSeconds(60));
        assertThat(tokens.isValidStreamTicket("order-1", ticket, now)).isTrue();
        assertThat(tokens.isValidStreamTicket("order-1", ticket, now.plusSeconds(61))).isFalse();
        assertThat(tokens.isValidStreamTicket("order-2", ticket, now)).isFalse();
    }

    @Test
    void aForgedTicketIsRefused() {
        String ticket = tokens.issueStreamTicket("order-1", now.plusSeconds(60));
        String later = (now.getEpochSecond() + 3600) + ticket.substring(ticket.indexOf('.'));
        assertThat(tokens.isValidStreamTicket("order-1", later, now)).isFalse();
        assertThat(tokens.isValidStreamTicket("order-1", tokens.issue("order-1"), now)).isFalse();
        assertThat(tokens.isValidStreamTicket("order-1", "", now)).isFalse();
        assertThat(tokens.isValidStreamTicket("order-1", "99999999999999999999.x", now)).isFalse();
    }

    @Test
    void anOrdersTokenIsTheSameOnEveryIssueAndOpensOnlyThatOrder() {
        String token = tokens.issue("order-1");

        assertThat(tokens.issue("order-1")).isEqualTo(token);
        assertThat(tokens.isValid("order-1", token)).isTrue();
        assertThat(tokens.isValid("order-2", token)).isFalse();
        assertThat(tokens.isValid("order-1", token + "x")).isFalse();
        assertThat(tokens.isValid("order-1", "")).isFalse();
        assertThat(tokens.isValid("order-1", null)).isFalse();
    }

    @Test
    void aTokenIssuedUnderAnotherSecretIsRefused() {
        byte[] other = new byte[32];
        other[0] = 1;

        assertThat(tokens.isValid("order-1", new AccessTokens(other).issue("order-1"))).isFalse();
    }
}
