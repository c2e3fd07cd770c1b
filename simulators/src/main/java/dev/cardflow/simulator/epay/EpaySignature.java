package dev.cardflow.simulator.epay;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The EPay (易支付 v1) signature: lower-case hex MD5 of the parameters other than {@code sign},
 * {@code sign_type} and empty values, sorted by name, joined as {@code a=1&b=2}, followed directly
 * by the merchant key.
 */
public final class EpaySignature {

    public static final String SIGN_TYPE = "MD5";

    private EpaySignature() {
    }

    public static String sign(Map<String, String> params, String key) {
        // TreeMap orders String names by their UTF-16 code units: ASCII order for ASCII names
        String joined = new TreeMap<>(params).entrySet().stream()
                .filter(e -> !e.getKey().equals("sign") && !e.getKey().equals("sign_type"))
                .filter(e -> e.getValue() != null && !e.getValue().isEmpty())
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
        return md5Hex(joined + key);
    }

    /** Whether {@code params} carry the signature {@code key} gives them (case-insensitive hex, in constant time). */
    public static boolean verify(Map<String, String> params, String key) {
        String given = params.get("sign");
        if (given == null || key == null || key.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(sign(params, key).getBytes(StandardCharsets.US_ASCII),
                given.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    private static String md5Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
