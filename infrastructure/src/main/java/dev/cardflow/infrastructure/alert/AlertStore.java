package dev.cardflow.infrastructure.alert;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code alert}, {@code alert_quiet} and {@code alert_delivery} tables. The quiet period is kept by one row per
 * kind and subject, claimed with an upsert that only succeeds once the period is over: two instances raising the same
 * alert at once make one alert. Deliveries are claimed with {@code for update skip locked} and a lease, so each is
 * tried by one instance at a time.
 */
public class AlertStore {

    /** A delivery that is due: the alert, the channel, and which try this is. */
    public record Due(Alert alert, String channel, int attempt) {
    }

    /** One channel's outcome for an alert. */
    public record Delivery(String channel, String status, int attempts, String lastError, Instant sentAt,
                           Instant nextAttemptAt) {
    }

    /** An alert as operators read it, with how often it repeated within its quiet period. */
    public record Listed(long id, String kind, String severity, String subject, String message, Instant at, String link,
                         int repeats, List<Delivery> deliveries) {
    }

    static final String PENDING = "pending";
    static final String SENT = "sent";
    static final String FAILED = "failed";
    private static final int MAX_ERROR = 500;
    private static final int MAX_SUBJECT = 200;
    private static final int MAX_MESSAGE = 2000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    public AlertStore(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        // never part of the caller's transaction: an alert stands (or fails) on its own
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Records the alert with a pending delivery per channel, unless one of the same kind and subject was raised within
     * {@code quietPeriod}: then only that one's repeat count grows, and this returns empty.
     */
    public Optional<Alert> open(AlertKind kind, String subject, String message, String link, Duration quietPeriod,
                                Collection<String> channels) {
        String subjectKept = cut(subject, MAX_SUBJECT);
        return ownTransaction.execute(tx -> {
            List<String> claimed = jdbc.queryForList("""
                    insert into alert_quiet (kind, subject, quiet_until)
                    values (?, ?, now() + make_interval(secs => ?))
                    on conflict (kind, subject) do update set quiet_until = excluded.quiet_until
                    where alert_quiet.quiet_until <= now()
                    returning kind""", String.class, kind.code(), subjectKept, seconds(quietPeriod));
            if (claimed.isEmpty()) {
                jdbc.update("""
                        update alert set repeats = repeats + 1
                        where id = (select alert_id from alert_quiet where kind = ? and subject = ?)""",
                        kind.code(), subjectKept);
                return Optional.<Alert>empty();
            }
            Alert alert = jdbc.queryForObject("""
                    insert into alert (kind, severity, subject, message, link, raised_at)
                    values (?, ?, ?, ?, ?, now()) returning id, raised_at""",
                    (rs, n) -> new Alert(rs.getLong("id"), kind.code(), kind.severity().code(), subjectKept,
                            cut(message, MAX_MESSAGE), rs.getTimestamp("raised_at").toInstant(), link),
                    kind.code(), kind.severity().code(), subjectKept, cut(message, MAX_MESSAGE), link);
            jdbc.update("update alert_quiet set alert_id = ? where kind = ? and subject = ?", alert.id(), kind.code(),
                    subjectKept);
            for (String channel : channels) {
                jdbc.update("""
                        insert into alert_delivery (alert_id, channel, status, attempts, next_attempt_at)
                        values (?, ?, 'pending', 0, now())""", alert.id(), channel);
            }
            return Optional.of(alert);
        });
    }

    /** Claims up to {@code limit} due deliveries for {@code lease}, counting the try they are about to get. */
    public List<Due> claim(int limit, Duration lease) {
        List<long[]> ids = new ArrayList<>();
        List<String> channels = new ArrayList<>();
        jdbc.query("""
                with due as (
                    select alert_id, channel from alert_delivery
                    where status = 'pending' and next_attempt_at <= now()
                    order by next_attempt_at limit ? for update skip locked)
                update alert_delivery d set attempts = d.attempts + 1,
                                            next_attempt_at = now() + make_interval(secs => ?)
                from due where d.alert_id = due.alert_id and d.channel = due.channel
                returning d.alert_id, d.channel, d.attempts""", rs -> {
            ids.add(new long[]{rs.getLong("alert_id"), rs.getInt("attempts")});
            channels.add(rs.getString("channel"));
        }, limit, seconds(lease));
        List<Due> due = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            long id = ids.get(i)[0];
            Alert alert = jdbc.queryForObject("select * from alert where id = ?", AlertStore::alert, id);
            due.add(new Due(alert, channels.get(i), (int) ids.get(i)[1]));
        }
        return due;
    }

    public void sent(long alertId, String channel) {
        jdbc.update("""
                update alert_delivery set status = 'sent', sent_at = now(), next_attempt_at = null
                where alert_id = ? and channel = ?""", alertId, channel);
    }

    /** A failed try: tried again after {@code retryIn}, or given up when that is empty. */
    public void failed(long alertId, String channel, String error, Optional<Duration> retryIn) {
        if (retryIn.isPresent()) {
            jdbc.update("""
                    update alert_delivery set last_error = ?, next_attempt_at = now() + make_interval(secs => ?)
                    where alert_id = ? and channel = ?""", cut(error, MAX_ERROR), seconds(retryIn.get()), alertId,
                    channel);
        } else {
            jdbc.update("""
                    update alert_delivery set status = 'failed', last_error = ?, next_attempt_at = null
                    where alert_id = ? and channel = ?""", cut(error, MAX_ERROR), alertId, channel);
        }
    }

    /** The latest {@code limit} alerts (of {@code kind}, when given), newest first, each with its channels' outcomes. */
    public List<Listed> recent(Optional<AlertKind> kind, int limit) {
        Map<Long, Listed> alerts = new LinkedHashMap<>();
        jdbc.query("""
                select a.*, d.channel, d.status, d.attempts, d.last_error, d.sent_at, d.next_attempt_at
                from (select * from alert where (cast(? as varchar) is null or kind = ?)
                      order by raised_at desc, id desc limit ?) a
                left join alert_delivery d on d.alert_id = a.id
                order by a.raised_at desc, a.id desc, d.channel""", rs -> {
            Listed listed = alerts.computeIfAbsent(rs.getLong("id"), id -> listed(rs));
            if (rs.getString("channel") != null) {
                listed.deliveries().add(new Delivery(rs.getString("channel"), rs.getString("status"),
                        rs.getInt("attempts"), rs.getString("last_error"), instant(rs, "sent_at"),
                        instant(rs, "next_attempt_at")));
            }
        }, kind.map(AlertKind::code).orElse(null), kind.map(AlertKind::code).orElse(null), limit);
        return List.copyOf(alerts.values());
    }

    private static Listed listed(ResultSet rs) {
        try {
            Alert a = alert(rs, 0);
            return new Listed(a.id(), a.kind(), a.severity(), a.subject(), a.message(), a.at(), a.link(),
                    rs.getInt("repeats"), new ArrayList<>());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Alert alert(ResultSet rs, int row) throws SQLException {
        return new Alert(rs.getLong("id"), rs.getString("kind"), rs.getString("severity"), rs.getString("subject"),
                rs.getString("message"), rs.getTimestamp("raised_at").toInstant(), rs.getString("link"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
