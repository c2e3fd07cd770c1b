package dev.cardflow.order.query.sales;

import dev.cardflow.infrastructure.web.Blocking;
import dev.cardflow.infrastructure.web.ProblemException;
import dev.cardflow.order.query.sales.SalesStore.ExportedOrder;
import dev.cardflow.order.query.sales.SalesStore.Movement;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The shop owner's figures: {@code GET /admin/api/stats} (orders, revenue, products and days over a
 * range) and {@code GET /admin/api/orders.csv} (the orders placed in a range, streamed page by page).
 * Both read the order-status projection; ranges are {@code [from, to)}, by default the last 30 days.
 */
@RestController
public class SalesController {

    static final Duration DEFAULT_RANGE = Duration.ofDays(30);
    /** The longest range of the stats, whose answer has a line per day. */
    static final Duration MAX_STATS_RANGE = Duration.ofDays(3 * 366);
    static final int EXPORT_PAGE = 500;
    static final String CSV_HEADER = "orderId,placedAt,status,product,quantity,amount,currency,email,paymentMethod,"
            + "paymentId\r\n";

    /** An amount in one currency. */
    public record Revenue(String currency, String amount) {
    }

    /** Orders placed, delivered, refunded and cancelled within the range (each by its own moment). */
    public record OrderCounts(long placed, long delivered, long refunded, long cancelled) {
    }

    /** One product's deliveries and revenue. */
    public record ProductSales(String productId, String name, long delivered, List<Revenue> revenue) {
    }

    /** One UTC day's deliveries and revenue. */
    public record DaySales(LocalDate date, long delivered, List<Revenue> revenue) {
    }

    /** The answer of {@code GET /admin/api/stats}. */
    public record Stats(Instant from, Instant to, OrderCounts orders, List<Revenue> revenue,
                        List<ProductSales> products, List<DaySales> days) {
    }

    private final SalesStore store;
    private final Clock clock = Clock.systemUTC();

    public SalesController(SalesStore store) {
        this.store = store;
    }

    @GetMapping(path = "/admin/api/stats", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Stats> stats(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        Range range = range(from, to);
        if (Duration.between(range.from(), range.to()).compareTo(MAX_STATS_RANGE) > 0) {
            throw ProblemException.badRequest("invalid-range", "The stats cover at most " + MAX_STATS_RANGE.toDays()
                    + " days at once.");
        }
        return Blocking.call(() -> stats(range));
    }

    private Stats stats(Range range) {
        SalesStore.Counts counts = store.counts(range.from(), range.to());
        List<Movement> movements = store.movements(range.from(), range.to());
        Map<String, BigDecimal> total = new TreeMap<>();
        Map<String, ProductTotals> products = new LinkedHashMap<>();
        Map<LocalDate, DayTotals> days = new LinkedHashMap<>();
        LocalDate last = range.to().minusNanos(1).atZone(ZoneOffset.UTC).toLocalDate();
        for (LocalDate day = range.from().atZone(ZoneOffset.UTC).toLocalDate(); !day.isAfter(last);
             day = day.plusDays(1)) {
            days.put(day, new DayTotals());
        }
        for (Movement m : movements) {
            total.merge(m.currency(), m.revenue(), BigDecimal::add);
            ProductTotals product = products.computeIfAbsent(m.productId(), id -> new ProductTotals());
            product.name = m.productName();
            product.delivered += m.delivered();
            product.revenue.merge(m.currency(), m.revenue(), BigDecimal::add);
            DayTotals day = days.computeIfAbsent(m.day(), d -> new DayTotals());
            day.delivered += m.delivered();
            day.revenue.merge(m.currency(), m.revenue(), BigDecimal::add);
        }
        List<ProductSales> productSales = new ArrayList<>();
        products.forEach((id, p) -> productSales.add(new ProductSales(id, p.name, p.delivered, revenue(p.revenue))));
        productSales.sort((a, b) -> Long.compare(b.delivered(), a.delivered()));
        List<DaySales> daySales = new ArrayList<>();
        days.forEach((date, d) -> daySales.add(new DaySales(date, d.delivered, revenue(d.revenue))));
        return new Stats(range.from(), range.to(),
                new OrderCounts(counts.placed(), counts.delivered(), counts.refunded(), counts.cancelled()),
                revenue(total), productSales, daySales);
    }

    private static final class ProductTotals {
        String name;
        long delivered;
        final Map<String, BigDecimal> revenue = new TreeMap<>();
    }

    private static final class DayTotals {
        long delivered;
        final Map<String, BigDecimal> revenue = new TreeMap<>();
    }

    private static List<Revenue> revenue(Map<String, BigDecimal> byCurrency) {
        List<Revenue> revenue = new ArrayList<>();
        byCurrency.forEach((currency, amount) -> revenue.add(new Revenue(currency, plain(amount, currency))));
        return revenue;
    }

    /** The amount at the currency's minor-unit scale, as orders show theirs ({@code 16.00}). */
    static String plain(BigDecimal amount, String currency) {
        int scale;
        try {
            scale = Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
        } catch (IllegalArgumentException e) {
            scale = 2;
        }
        return amount.setScale(Math.max(scale, amount.stripTrailingZeros().scale()), java.math.RoundingMode.UNNECESSARY)
                .toPlainString();
    }

    @GetMapping(path = "/admin/api/orders.csv", produces = "text/csv")
    public ResponseEntity<Flux<String>> export(@RequestParam(required = false) String from,
                                               @RequestParam(required = false) String to) {
        Range range = range(from, to);
        String name = "orders-" + range.from().truncatedTo(ChronoUnit.SECONDS) + "-"
                + range.to().truncatedTo(ChronoUnit.SECONDS) + ".csv";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Content-Disposition", ContentDisposition.attachment()
                        .filename(name.replace(':', '-')).build().toString())
                .body(Flux.concat(Mono.just(CSV_HEADER), pages(range, null)));
    }

    /** The export after {@code after} (null: from the start), one page of orders at a time, fetched on demand. */
    private Flux<String> pages(Range range, ExportedOrder after) {
        return Blocking.call(() -> store.exportPage(range.from(), range.to(),
                        after == null ? null : after.placedAt(), after == null ? null : after.orderId(), EXPORT_PAGE))
                .flatMapMany(page -> {
                    if (page.isEmpty()) {
                        return Flux.empty();
                    }
                    StringBuilder lines = new StringBuilder();
                    page.forEach(order -> lines.append(Csv.line(order)));
                    Flux<String> chunk = Flux.just(lines.toString());
                    return page.size() < EXPORT_PAGE ? chunk
                            : chunk.concatWith(Flux.defer(() -> pages(range, page.get(page.size() - 1))));
                });
    }

    /** A checked {@code [from, to)}: ISO-8601 instants, by default the 30 days up to now. */
    record Range(Instant from, Instant to) {
    }

    Range range(String from, String to) {
        Instant end = to == null || to.isBlank() ? clock.instant() : instant(to, "to");
        Instant start = from == null || from.isBlank() ? end.minus(DEFAULT_RANGE) : instant(from, "from");
        if (!start.isBefore(end)) {
            throw ProblemException.badRequest("invalid-range", "from must be before to.");
        }
        return new Range(start, end);
    }

    private static Instant instant(String text, String name) {
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-range",
                    name + " must be an ISO-8601 instant such as 2026-01-31T00:00:00Z.");
        }
    }
}
