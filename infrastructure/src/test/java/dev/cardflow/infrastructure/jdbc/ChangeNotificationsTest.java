package dev.cardflow.infrastructure.jdbc;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the names a transaction changed travel: joined below PostgreSQL's payload limit, a rebuild as one mark. */
class ChangeNotificationsTest {

    @Test
    void namesAreJoinedIntoPayloadsBelowTheLimitAndNoneIsSplit() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            names.add("order-" + "x".repeat(30) + i);
        }
        List<String> payloads = ChangeNotifications.payloads(names);

        assertThat(payloads).hasSizeGreaterThan(1).allSatisfy(p -> assertThat(p.length()).isLessThan(8000));
        assertThat(payloads.stream().flatMap(p -> List.of(p.split(",")).stream()).toList()).isEqualTo(names);
    }

    @Test
    void everythingStandsForAllTheOthers() {
        assertThat(ChangeNotifications.payloads(List.of("a", ChangeNotifications.EVERYTHING, "b")))
                .containsExactly(ChangeNotifications.EVERYTHING);
        assertThat(ChangeNotifications.payloads(List.of())).isEmpty();
    }

    @Test
    void aChannelIsAnIdentifierNeverSqlText() {
        assertThatThrownBy(() -> new ChangeNotifications(null, "x; drop table t", name -> { }, () -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
