package dev.cardflow.infrastructure.limits;

import dev.cardflow.infrastructure.security.Hmac;
import dev.cardflow.infrastructure.web.Problem;
import dev.cardflow.infrastructure.web.ProblemException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

import java.time.Duration;
import java.util.Base64;

/**
 * Per-client limits: a token bucket per client address and kind of request (Bucket4j, refilled
 * evenly over a minute), kept in memory for ten idle minutes. Clients are known by a keyed hash of
 * their address, never the address itself. Limits are per instance.
 */
public class ClientLimits {

    private final ClientLimitsProperties properties;
    private final ClientAddresses addresses;
    private final byte[] secret;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(200_000)
            .build();

    public ClientLimits(ClientLimitsProperties properties, ClientAddresses addresses, byte[] secret) {
        this.properties = properties;
        this.addresses = addresses;
        this.secret = secret.clone();
    }

    public ClientLimitsProperties properties() {
        return properties;
    }

    /** The pseudonymous key of the client that sent {@code request} (see {@link ClientAddresses}). */
    public String clientKey(ServerHttpRequest request) {
        String address = addresses.clientOf(request);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Hmac.sha256(secret, "client:" + address))
                .substring(0, 22);
    }

    /** Takes one request of {@code kind} from the client's allowance, or refuses with 429 and Retry-After. */
    public void take(String kind, String clientKey) {
        ConsumptionProbe probe = bucket(kind, clientKey, properties.rateLimitPerMinute()).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = retryAfter(probe.getNanosToWaitForRefill());
            throw tooMany("rate-limited", "Too many requests from this client; try again in " + seconds + " s.",
                    seconds);
        }
    }

    /** Counts one failed login of the client. */
    public void failedLogin(String clientKey) {
        bucket("login", clientKey, properties.failedLoginsPerMinute()).tryConsume(1);
    }

    /** Seconds until the client may try to log in again; 0 when it may now. */
    public long loginBlockedFor(String clientKey) {
        Bucket bucket = bucket("login", clientKey, properties.failedLoginsPerMinute());
        return bucket.getAvailableTokens() > 0 ? 0 : retryAfter(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
    }

    private Bucket bucket(String kind, String clientKey, int perMinute) {
        return buckets.get(kind + ":" + clientKey, k -> Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(perMinute)
                        .refillGreedy(perMinute, Duration.ofMinutes(1))
                        .build())
                .build());
    }

    private static long retryAfter(long nanos) {
        return Math.max(1, Duration.ofNanos(nanos).toSeconds() + 1);
    }

    /** A 429 answer with its Retry-After. */
    public static ProblemException tooMany(String code, String detail, long retryAfterSeconds) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        return new ProblemException(Problem.of(429, code, "Too many requests", detail), headers);
    }
}
