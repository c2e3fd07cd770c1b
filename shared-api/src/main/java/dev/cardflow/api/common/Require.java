package dev.cardflow.api.common;

import java.util.Collection;

/** Constructor checks shared by the message records; each failure is an {@link InvalidCommand} naming the field. */
public final class Require {

    /** The longest note or reason an operator may give. */
    public static final int MAX_OPERATOR_TEXT = 500;

    private Require() {
    }

    public static String text(String value, String name) {
        if (value == null || value.isBlank()) {
            throw InvalidCommand.of(name, name + " is required.");
        }
        return value;
    }

    /** A required text of at most {@code max} characters, stripped. */
    public static String text(String value, String name, int max) {
        text(value, name);
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw InvalidCommand.of(name, name + " is longer than " + max + " characters.");
        }
        return stripped;
    }

    /** An operator's note or reason: required, at most {@link #MAX_OPERATOR_TEXT} characters, stripped. */
    public static String operatorText(String value, String name) {
        return text(value, name, MAX_OPERATOR_TEXT);
    }

    public static <T> T present(T value, String name) {
        if (value == null) {
            throw InvalidCommand.of(name, name + " is required.");
        }
        return value;
    }

    public static <T extends Collection<?>> T notEmpty(T value, String name) {
        if (value == null || value.isEmpty()) {
            throw InvalidCommand.of(name, name + " must not be empty.");
        }
        return value;
    }
}
