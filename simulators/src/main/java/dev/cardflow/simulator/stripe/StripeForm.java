package dev.cardflow.simulator.stripe;

import org.springframework.util.MultiValueMap;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A form-encoded Stripe request read in Stripe's bracket notation ({@code line_items[0][quantity]=1}):
 * nested maps, lists being maps keyed by their index.
 */
record StripeForm(Map<String, Object> root, String fingerprint) {

    static StripeForm of(MultiValueMap<String, String> form) {
        Map<String, Object> root = new LinkedHashMap<>();
        TreeMap<String, String> flat = new TreeMap<>();
        form.forEach((key, values) -> {
            String value = values.isEmpty() ? "" : values.get(values.size() - 1);
            flat.put(key, value);
            put(root, path(key), value);
        });
        return new StripeForm(root, sha256(flat.toString()));
    }

    /** The text at a path such as {@code ("metadata", "orderId")}, or null. */
    String text(String... path) {
        Object at = at(path);
        return at instanceof String s && !s.isEmpty() ? s : null;
    }

    Long integer(String... path) {
        String text = text(path);
        if (text == null) {
            return null;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw StripeError.invalid("parameter_invalid_integer", "Invalid integer: " + text, name(path));
        }
    }

    /** A map of texts, such as {@code metadata}. */
    Map<String, String> texts(String... path) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (at(path) instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if (v instanceof String s) {
                    texts.put((String) k, s);
                }
            });
        }
        return texts;
    }

    /** The elements of a list such as {@code line_items}, in index order. */
    List<StripeForm> list(String... path) {
        List<StripeForm> elements = new ArrayList<>();
        if (at(path) instanceof Map<?, ?> map) {
            map.entrySet().stream()
                    .sorted(Comparator.comparing(e -> index((String) e.getKey())))
                    .forEach(e -> {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> element = e.getValue() instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
                        elements.add(new StripeForm(element, fingerprint));
                    });
        }
        return elements;
    }

    static String name(String... path) {
        StringBuilder name = new StringBuilder(path[0]);
        for (int i = 1; i < path.length; i++) {
            name.append('[').append(path[i]).append(']');
        }
        return name.toString();
    }

    private Object at(String... path) {
        Object at = root;
        for (String segment : path) {
            if (!(at instanceof Map<?, ?> map)) {
                return null;
            }
            at = map.get(segment);
        }
        return at;
    }

    private static int index(String key) {
        try {
            return Integer.parseInt(key);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    /** {@code a[b][c]} → a, b, c. */
    private static List<String> path(String key) {
        List<String> path = new ArrayList<>();
        int open = key.indexOf('[');
        if (open < 0) {
            path.add(key);
            return path;
        }
        path.add(key.substring(0, open));
        while (open >= 0) {
            int close = key.indexOf(']', open);
            if (close < 0) {
                break;
            }
            path.add(key.substring(open + 1, close));
            open = key.indexOf('[', close);
        }
        return path;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> root, List<String> path, String value) {
        Map<String, Object> at = root;
        for (int i = 0; i < path.size() - 1; i++) {
            Object next = at.get(path.get(i));
            if (!(next instanceof Map<?, ?>)) {
                next = new LinkedHashMap<String, Object>();
                at.put(path.get(i), next);
            }
            at = (Map<String, Object>) next;
        }
        at.put(path.get(path.size() - 1), value);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
