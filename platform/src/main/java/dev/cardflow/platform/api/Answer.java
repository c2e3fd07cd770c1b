package dev.cardflow.platform.api;

import java.util.List;

/**
 * One documented answer of an operation: its status, what it means, and — for a refusal — the problem codes
 * ({@code /problems/<code>}) it may carry, and the headers it carries.
 */
record Answer(int status, String description, List<String> problems, List<String> headers) {

    static Answer ok(int status, String description, String... headers) {
        return new Answer(status, description, List.of(), List.of(headers));
    }

    static Answer refusal(int status, String description, String... problems) {
        return new Answer(status, description, List.of(problems), status == 429 ? List.of("Retry-After") : List.of());
    }

    boolean isRefusal() {
        return status >= 400;
    }
}
