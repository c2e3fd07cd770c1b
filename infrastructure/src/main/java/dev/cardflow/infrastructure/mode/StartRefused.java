package dev.cardflow.infrastructure.mode;

/** cardflow must not start with its settings; the message says why in one line, without secret values. */
public class StartRefused extends RuntimeException {

    public StartRefused(String reason) {
        super(reason, null, false, false);
    }
}
