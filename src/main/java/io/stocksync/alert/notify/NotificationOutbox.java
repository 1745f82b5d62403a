package io.stocksync.alert.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The alert_notification outbox as the sender sees it. A claim is a lease: the row is picked with FOR UPDATE SKIP
 * LOCKED (two servers never pick the same one) and its next_attempt_at pushed past the longest round, so nobody else
 * picks it up while it is being sent; a server dying mid-round leaves it to be sent again when the lease ends.
 */
@ApplicationScoped
public class NotificationOutbox {

  @PersistenceContext(unitName = "stocksync")
  EntityManager em;

  /** Claims the most overdue pending notification, if any. */
  @Transactional
  @SuppressWarnings("unchecked")
  public Optional<DueNotification> claim(Duration lease) {
    List<Object[]> rows = em.createNativeQuery("UPDATE alert_notification n"
            + " SET next_attempt_at = now() + make_interval(secs => ?) FROM tenant t"
            + " WHERE t.id = n.tenant_id AND n.id = (SELECT id FROM alert_notification WHERE status = 'PENDING'"
            + " AND next_attempt_at <= now() ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)"
            + " RETURNING n.id, n.tenant_id, n.alert_id, n.event_type, n.message_id, n.created_at, n.rounds,"
            + " t.notification_url, t.notification_secret_sealed, CASE WHEN"
            + " t.notification_previous_secret_until > now() THEN t.notification_previous_secret_sealed END")
        .setParameter(1, (double) lease.toSeconds()).getResultList();
    return rows.stream().findFirst().map(r -> new DueNotification(((Number) r[0]).longValue(), (UUID) r[1],
        (UUID) r[2], (String) r[3], (String) r[4], ((Timestamp) r[5]).toInstant(), ((Number) r[6]).intValue(),
        (String) r[7], (String) r[8], (String) r[9]));
  }

  /** One HTTP attempt (or one that could not be made): status or error, and how long it took. */
  @Transactional
  public void recordAttempt(DueNotification n, Integer responseStatus, String error, long latencyMs) {
    em.createNativeQuery("INSERT INTO alert_notification_attempt (tenant_id, notification_id, response_status,"
            + " error, latency_ms) VALUES (?, ?, ?, ?, ?)")
        .setParameter(1, n.tenantId()).setParameter(2, n.id()).setParameter(3, responseStatus)
        .setParameter(4, error).setParameter(5, (int) Math.min(latencyMs, Integer.MAX_VALUE)).executeUpdate();
    em.createNativeQuery("UPDATE alert_notification SET attempts = attempts + 1 WHERE id = ?")
        .setParameter(1, n.id()).executeUpdate();
  }

  @Transactional
  public void delivered(DueNotification n) {
    em.createNativeQuery("UPDATE alert_notification SET status = 'DELIVERED', rounds = rounds + 1,"
            + " delivered_at = now(), last_error = NULL WHERE id = ? AND status = 'PENDING'")
        .setParameter(1, n.id()).executeUpdate();
  }

  /** The round failed: tried again after the schedule's delay, or given up (FAILED) after its last round. */
  @Transactional
  public void roundFailed(DueNotification n, String error, RoundSchedule schedule) {
    int failed = n.rounds() + 1;
    boolean giveUp = schedule.givesUpAfter(failed);
    em.createNativeQuery("UPDATE alert_notification SET rounds = ?, last_error = ?,"
            + " status = CASE WHEN ? THEN 'FAILED' ELSE 'PENDING' END,"
            + " next_attempt_at = now() + make_interval(secs => ?) WHERE id = ? AND status = 'PENDING'")
        .setParameter(1, failed).setParameter(2, truncate(error)).setParameter(3, giveUp)
        .setParameter(4, (double) schedule.delayAfter(failed).toMillis() / 1000).setParameter(5, n.id())
        .executeUpdate();
  }

  static String truncate(String error) {
    return error == null || error.length() <= 500 ? error : error.substring(0, 500);
  }
}
