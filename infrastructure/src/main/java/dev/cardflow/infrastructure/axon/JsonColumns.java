package dev.cardflow.infrastructure.axon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Values the projection tables keep in {@code jsonb} columns, written and read with the mapper the stored
 * messages use ({@link AxonSerializationConfiguration#storageObjectMapper()}), so a column holds what the event held.
 */
public final class JsonColumns {

    private static final ObjectMapper JSON = AxonSerializationConfiguration.storageObjectMapper();

    private JsonColumns() {
    }

    /** The JSON text of {@code value}, for a {@code ?::jsonb} parameter (null is written as JSON {@code null}). */
    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A column's JSON text read back as {@code type}; an SQL NULL reads as null. */
    public static <T> T read(String text, TypeReference<T> type) {
        if (text == null) {
            return null;
        }
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
