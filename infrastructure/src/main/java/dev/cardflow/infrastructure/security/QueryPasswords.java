package dev.cardflow.infrastructure.security;

import dev.cardflow.infrastructure.web.ProblemException;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The buyer's query password, with which orders are found again by e-mail: kept only as a salted
 * bcrypt hash (cost {@value #COST}) of its SHA-256, so that any 64 characters fit bcrypt's 72 bytes.
 * Cost 8 takes a few milliseconds: cheap for a placement, slow enough that a stolen hash is not
 * read back by brute force in an instant (see docs/shop-owner.md).
 */
public final class QueryPasswords {

    /** bcrypt's cost; each step doubles the work. */
    public static final int COST = 8;
    public static final int MIN_LENGTH = 6;
    public static final int MAX_LENGTH = 64;

    private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder(COST, new SecureRandom());
    // compared against when no order matches, so that "no such e-mail" takes as long as "wrong password"
    private static final String DUMMY = BCRYPT.encode(prehash("cardflow-no-such-order"));

    private QueryPasswords() {
    }

    /** The password as sent, checked: 6 to 64 characters, else 400 {@code invalid-query-password}. */
    public static String checked(String password) {
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw ProblemException.badRequest("invalid-query-password",
                    "queryPassword must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters.");
        }
        return password;
    }

    /** A new salted hash of {@code password}. */
    public static String hash(String password) {
        return BCRYPT.encode(prehash(password));
    }

    /** Whether {@code password} is the one {@code hash} was made of; {@code false} for a malformed hash. */
    public static boolean matches(String password, String hash) {
        if (password == null || hash == null) {
            return false;
        }
        try {
            return BCRYPT.matches(prehash(password), hash);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Spends the time of one {@link #matches} for a look-up that has nothing to compare. */
    public static void dummyCheck(String password) {
        BCRYPT.matches(prehash(password == null ? "" : password), DUMMY);
    }

    private static String prehash(String password) {
        try {
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
