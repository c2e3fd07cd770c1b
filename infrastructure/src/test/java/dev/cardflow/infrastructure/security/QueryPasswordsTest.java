package dev.cardflow.infrastructure.security;

import dev.cardflow.infrastructure.web.ProblemException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryPasswordsTest {

    @Test
    void aHashIsSaltedAndMatchesOnlyItsPassword() {
        String first = QueryPasswords.hash("correct horse");
        String second = QueryPasswords.hash("correct horse");

        assertThat(first).isNotEqualTo(second).doesNotContain("correct horse").startsWith("$2a$08$");
        assertThat(QueryPasswords.matches("correct horse", first)).isTrue();
        assertThat(QueryPasswords.matches("correct horse", second)).isTrue();
        assertThat(QueryPasswords.matches("Correct horse", first)).isFalse();
        assertThat(QueryPasswords.matches("correct horse", "not-a-hash")).isFalse();
    }

    @Test
    void passwordsLongerThanBcryptsSeventyTwoBytesAreWholeInTheHash() {
        String chinese = "密".repeat(63) + "码"; // 64 characters, 192 bytes of UTF-8
        String hash = QueryPasswords.hash(chinese);

        assertThat(QueryPasswords.matches(chinese, hash)).isTrue();
        assertThat(QueryPasswords.matches("密".repeat(64), hash)).isFalse();
    }

    @Test
    void sixToSixtyFourCharactersAreAccepted() {
        assertThat(QueryPasswords.checked("123456")).isEqualTo("123456");
        assertThat(QueryPasswords.checked("x".repeat(64))).hasSize(64);
        assertThat(QueryPasswords.checked("密码密码密码")).isEqualTo("密码密码密码");
        for (String wrong : new String[] {"", "12345", "x".repeat(65)}) {
            assertThatThrownBy(() -> QueryPasswords.checked(wrong)).isInstanceOf(ProblemException.class)
                    .hasMessageContaining("6 to 64");
        }
    }
}
