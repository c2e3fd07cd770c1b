package dev.cardflow.simulator.supplier;

import dev.cardflow.simulator.DemoOnly;
import dev.cardflow.simulator.Offload;
import dev.cardflow.simulator.chaos.Chaos;
import dev.cardflow.simulator.chaos.ChaosKnobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The two simulated card suppliers, {@code primary} and {@code backup} (API.md, "Card suppliers"):
 * each issues fresh keys for any SKU, once per request id, and has its own chaos knobs.
 */
@DemoOnly
@RestController
public class SupplierController {

    static final Set<String> SUPPLIERS = Set.of("primary", "backup");
    static final int MAX_QUANTITY = 100;
    private static final TypeReference<List<String>> KEYS = new TypeReference<>() {
    };
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /** An issue request. */
    public record IssueRequest(String requestId, String sku, Integer quantity) {
    }

    /** Issued keys. */
    public record Issued(String requestId, List<String> cardKeys) {
    }

    private final JdbcTemplate jdbc;
    private final Chaos chaos;
    private final ObjectMapper json;
    private final SecureRandom random = new SecureRandom();

    public SupplierController(JdbcTemplate jdbc, Chaos chaos, ObjectMapper json) {
        this.jdbc = jdbc;
        this.chaos = chaos;
        this.json = json;
    }

    @PostMapping(path = "/simulator/suppliers/{supplier}/v1/issue", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Issued> issue(@PathVariable String supplier, @RequestBody IssueRequest request) {
        String name = known(supplier);
        if (request.requestId() == null || request.requestId().isBlank() || request.sku() == null
                || request.sku().isBlank() || request.quantity() == null || request.quantity() < 1
                || request.quantity() > MAX_QUANTITY) {
            return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "requestId, sku and quantity (1.." + MAX_QUANTITY + ") are required"));
        }
        return Offload.jdbc(() -> chaos.knobs(name)).flatMap(chaos::disturb)
                .then(Offload.jdbc(() -> issueOnce(name, request)));
    }

    @GetMapping(path = "/simulator/suppliers/{supplier}/v1/simulation", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ChaosKnobs> simulation(@PathVariable String supplier) {
        String name = known(supplier);
        return Offload.jdbc(() -> chaos.knobs(name));
    }

    @PutMapping(path = "/simulator/suppliers/{supplier}/v1/simulation", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ChaosKnobs> changeSimulation(@PathVariable String supplier, @RequestBody ChaosKnobs.ChaosChange change) {
        String name = known(supplier);
        return Offload.jdbc(() -> chaos.change(name, change));
    }

    /** How many distinct requests a supplier has issued keys for (for tests and operators). */
    @GetMapping(path = "/simulator/suppliers/{supplier}/v1/stats", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<java.util.Map<String, Object>> stats(@PathVariable String supplier) {
        String name = known(supplier);
        return Offload.jdbc(() -> jdbc.queryForMap(
                "select count(*) as requests, coalesce(sum(quantity), 0) as keys from simulator.supplier_issue where supplier = ?",
                name));
    }

    private Issued issueOnce(String supplier, IssueRequest request) {
        List<String> fresh = new ArrayList<>(request.quantity());
        for (int i = 0; i < request.quantity(); i++) {
            fresh.add(newKey(supplier, request.sku()));
        }
        jdbc.update("""
                insert into simulator.supplier_issue (supplier, request_id, sku, quantity, card_keys, created_at)
                values (?, ?, ?, ?, ?, ?) on conflict (supplier, request_id) do nothing""",
                supplier, request.requestId(), request.sku(), request.quantity(), write(fresh),
                Timestamp.from(Instant.now()));
        String stored = jdbc.queryForObject(
                "select card_keys from simulator.supplier_issue where supplier = ? and request_id = ?", String.class,
                supplier, request.requestId());
        return new Issued(request.requestId(), read(stored));
    }

    private String newKey(String supplier, String sku) {
        StringBuilder key = new StringBuilder(supplier.substring(0, 3).toUpperCase(Locale.ROOT));
        for (int group = 0; group < 4; group++) {
            key.append('-');
            for (int i = 0; i < 4; i++) {
                key.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
        }
        return key.toString();
    }

    private static String known(String supplier) {
        if (!SUPPLIERS.contains(supplier)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no supplier " + supplier);
        }
        return supplier;
    }

    private String write(List<String> keys) {
        try {
            return json.writeValueAsString(keys);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> read(String keys) {
        try {
            return json.readValue(keys, KEYS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
