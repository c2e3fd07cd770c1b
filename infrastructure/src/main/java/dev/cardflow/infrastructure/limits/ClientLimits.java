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

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Base64;

/**
 * Per-client limits: a token bucket per client address and kind of request (Bucket4j, refilled
 * evenly over a minute), kept in memory for ten idle minutes. Clients are known by a keyed hash of
 * their address, never the address itself. Limits are per instance.
 */
public class ClientLimits {

    private final ClientLimitsProperties properties;
    private final byte[] secret;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(200_000)
            .build();

    public ClientLimits(ClientLimitsProperties properties, byte[] secret) {
        this.properties = properties;
        this.secret = secret.clone();
    }

    public ClientLimitsProperties properties() {
        return properties;
    }

    /** The pseudonymous key of the client that sent {@code request}. */
    public String clientKey(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        String address = remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Hmac.sha256(secret, "client:" + address))
                .substring(0, 22);
    }

    /** Takes one request of {@code kind} from the client's allowance, or refuses with 429 and Retry-After. */
    public void take(String kind, String clientKey) {
        Bucket bucket = buckets.get(kind + ":" + clientKey, k -> Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(properties.rateLimitPerMinute())
                        .refillGreedy(properties.rateLimitPerMinute(), Duration.ofMinutes(1))
                        .build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
            throw tooMany("rate-limited", "Too many requests from this client; try again in " + seconds + " s.",
                    seconds);
        }
    }

    /** A 429 answer with its Retry-After. */
    public static ProblemException tooMany(String code, String detail, long retryAfterSeconds) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        return new ProblemException(Problem.of(429, code, "Too many requests", detail), headers);
    }
}
