package dev.cardflow.infrastructure.payment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The EPay v1 signature: the lower-case hex MD5 of the parameters other than {@code sign},
 * {@code sign_type} and empty values, sorted by name and joined as {@code a=1&b=2}, followed
 * directly by the merchant key.
 */
public final class EpaySignature {

    private EpaySignature() {
    }

    public static String sign(Map<String, String> parameters, String key) {
        String joined = new TreeMap<>(parameters).entrySet().stream()
                .filter(e -> !e.getKey().equals("sign") && !e.getKey().equals("sign_type"))
                .filter(e -> e.getValue() != null && !e.getValue().isEmpty())
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest((joined + key).getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code parameters} carry the signature of {@code key}, compared in constant time. */
    public static boolean isSigned(Map<String, String> parameters, String key) {
        String given = parameters.get("sign");
        if (given == null || key == null || key.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(sign(parameters, key).getBytes(StandardCharsets.UTF_8),
                given.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    }
}
