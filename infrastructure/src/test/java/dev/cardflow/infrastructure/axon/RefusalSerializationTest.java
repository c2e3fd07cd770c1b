package dev.cardflow.infrastructure.axon;

import dev.cardflow.api.common.InvalidCommand;
import dev.cardflow.api.common.Refusal;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Behind Axon Server a refusal crosses the wire in the exception's details, written by the message serializer. */
class RefusalSerializationTest {

    private final Serializer messages = new AxonSerializationConfiguration().messageSerializer();

    @Test
    void aRefusalNamingItsFieldArrivesWhole() {
        Refusal sent = new InvalidCommand("invalid-email", "email", "email is not a valid email address.").refusal();

        SerializedObject<byte[]> wire = messages.serialize(sent, byte[].class);

        assertThat(messages.<byte[], Refusal>deserialize(wire)).isEqualTo(sent);
    }

    @Test
    void aRefusalFromAServiceThatDoesNotKnowFieldsYetStillReads() {
        byte[] older = "{\"kind\":\"CONFLICT\",\"code\":\"order-status-conflict\",\"detail\":\"Order o is PAID.\"}"
                .getBytes(StandardCharsets.UTF_8);

        Refusal read = messages.deserialize(new SimpleSerializedObject<>(older, byte[].class,
                new SimpleSerializedType(Refusal.class.getName(), null)));

        assertThat(read).isEqualTo(new Refusal(Refusal.Kind.CONFLICT, "order-status-conflict", "Order o is PAID."));
    }
}
