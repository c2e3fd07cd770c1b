package dev.cardflow.fulfilment.receipt;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Ed25519 key that signs receipts, and the public keys that check them: the current one and
 * those rotated out, so that a receipt keeps verifying after the signing key changes.
 */
public class ReceiptKeys {

    /** A public key as {@code GET /api/receipt-keys} lists it (base64 X.509 SubjectPublicKeyInfo). */
    public record PublishedKey(String keyId, String publicKey) {
    }

    private static final String ED25519 = "Ed25519";

    private final PrivateKey signing;
    private final String signingKeyId;
    private final Map<String, PublicKey> checking = new LinkedHashMap<>();

    /**
     * @param pkcs8    the signing key, PKCS#8-encoded
     * @param previous public keys rotated out, each base64 X.509 SubjectPublicKeyInfo
     */
    public ReceiptKeys(byte[] pkcs8, List<String> previous) {
        try {
            KeyFactory keys = KeyFactory.getInstance(ED25519);
            this.signing = keys.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            PublicKey current = publicKeyOf(signing);
            this.signingKeyId = keyId(current);
            checking.put(signingKeyId, current);
            for (String encoded : previous) {
                PublicKey key = keys.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(encoded.trim())));
                checking.putIfAbsent(keyId(key), key);
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "CARDFLOW_RECEIPT_SIGNING_KEY must be a base64 PKCS#8 Ed25519 key, and each of "
                            + "CARDFLOW_RECEIPT_PREVIOUS_PUBLIC_KEYS a base64 X.509 Ed25519 public key", e);
        }
    }

    /** A fresh signing key, PKCS#8-encoded (demo mode keeps one in the database). */
    public static byte[] generate() {
        try {
            return KeyPairGenerator.getInstance(ED25519).generateKeyPair().getPrivate().getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK 15+ has Ed25519", e);
        }
    }

    public String signingKeyId() {
        return signingKeyId;
    }

    /** Signs the UTF-8 of {@code text}; base64. */
    public String sign(String text) {
        try {
            Signature signature = Signature.getInstance(ED25519);
            signature.initSign(signing);
            signature.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("receipt could not be signed", e);
        }
    }

    /** Whether {@code signature} (base64) is the named key's signature of the UTF-8 of {@code text}. */
    public boolean verify(String keyId, String text, String signature) {
        PublicKey key = keyId == null ? null : checking.get(keyId);
        if (key == null || signature == null) {
            return false;
        }
        try {
            Signature check = Signature.getInstance(ED25519);
            check.initVerify(key);
            check.update(text.getBytes(StandardCharsets.UTF_8));
            return check.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Every key a receipt may have been signed with, the current one first. */
    public List<PublishedKey> published() {
        return checking.entrySet().stream()
                .map(e -> new PublishedKey(e.getKey(), Base64.getEncoder().encodeToString(e.getValue().getEncoded())))
                .toList();
    }

    /** The first 16 hex digits of the SHA-256 of the key's X.509 encoding. */
    static String keyId(PublicKey key) throws GeneralSecurityException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded())).substring(0, 16);
    }

    /**
     * The JDK has no call that derives an Ed25519 public key from a private one; its key-pair
     * generator does exactly that from the 32 random bytes it draws, so it is given the private
     * key's own bytes to draw.
     */
    private static PublicKey publicKeyOf(PrivateKey key) throws GeneralSecurityException {
        byte[] seed = ((EdECPrivateKey) key).getBytes()
                .orElseThrow(() -> new GeneralSecurityException("the signing key's bytes cannot be read"));
        KeyPairGenerator generator = KeyPairGenerator.getInstance(ED25519);
        generator.initialize(255, new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(seed, 0, bytes, 0, bytes.length);
            }
        });
        KeyPair pair = generator.generateKeyPair();
        return pair.getPublic();
    }
}
