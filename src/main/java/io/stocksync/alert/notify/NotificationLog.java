package io.stocksync.alert.notify;

import io.stocksync.platform.paging.PageRequest;
import io.stocksync.platform.persistence.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A tenant's notifications, newest first, with their attempts; always within the tenant. */
@ApplicationScoped
public class NotificationLog {

  @PersistenceContext(unitName = "stocksync")
  EntityManager em;

  /** A listed notification and its key for the cursor. */
  public record Row(long key, NotificationView view) {}

  @Transactional
  @SuppressWarnings("unchecked")
  public List<Row> list(UUID tenantId, String status, PageRequest page) {
    long before = page.afterLong().orElse(Long.MAX_VALUE);
    String pageOf = "SELECT id FROM alert_notification WHERE tenant_id = ? AND (CAST(? AS text) IS NULL"
        + " OR status = ?) AND id < ? ORDER BY id DESC LIMIT ?";
    List<Object[]> rows = em.createNativeQuery("SELECT id, message_id, alert_id, event_type, status, rounds,"
            + " created_at, next_attempt_at, delivered_at, last_error FROM alert_notification WHERE id IN ("
            + pageOf + ") ORDER BY id DESC")
        .setParameter(1, tenantId).setParameter(2, status).setParameter(3, status).setParameter(4, before)
        .setParameter(5, page.fetchSize()).getResultList();
    List<Object[]> attempts = em.createNativeQuery("SELECT notification_id, attempted_at, response_status, error,"
            + " latency_ms FROM alert_notification_attempt WHERE tenant_id = ? AND notification_id IN (" + pageOf
            + ") ORDER BY id")
        .setParameter(1, tenantId).setParameter(2, tenantId).setParameter(3, status).setParameter(4, status)
        .setParameter(5, before).setParameter(6, page.fetchSize()).getResultList();
    Map<Long, List<NotificationView.Attempt>> byNotification = new LinkedHashMap<>();
    for (Object[] a : attempts) {
      byNotification.computeIfAbsent(((Number) a[0]).longValue(), k -> new ArrayList<>())
          .add(new NotificationView.Attempt(SqlTimes.utc(a[1]), a[2] == null ? null : ((Number) a[2]).intValue(),
              (String) a[3], a[4] == null ? null : ((Number) a[4]).intValue()));
    }
    return rows.stream().map(r -> {
      long id = ((Number) r[0]).longValue();
      String state = (String) r[4];
      return new Row(id, new NotificationView((String) r[1], (UUID) r[2], (String) r[3], state,
          ((Number) r[5]).intValue(), SqlTimes.utc(r[6]), "PENDING".equals(state) ? SqlTimes.utc(r[7]) : null,
          SqlTimes.utc(r[8]),
          (String) r[9], byNotification.getOrDefault(id, List.of())));
    }).toList();
  }
}
