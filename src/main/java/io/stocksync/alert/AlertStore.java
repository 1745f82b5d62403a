package io.stocksync.alert;

import io.stocksync.platform.metrics.MetricHandles;
import io.stocksync.platform.persistence.PgArray;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Raising and resolving alerts. Raising is one atomic insert against the "one open alert per key" unique index,
 * so two servers (or two threads) seeing the same condition raise it once. Each raise and each automatic
 * resolution queues a notification for the tenant's notification URL, in the same transaction.
 */
@ApplicationScoped
public class AlertStore {

  @PersistenceContext(unitName = "stocksync")
  EntityManager em;

  @Inject
  MetricHandles metrics;

  /** Raises the alert unless one with this key is open; answers the new alert's id, if it was raised. */
  @Transactional
  @SuppressWarnings("unchecked")
  public Optional<UUID> raise(UUID tenantId, AlertType type, String severity, String key, UUID productId,
      UUID channelId, String message) {
    List<Object> inserted = em.createNativeQuery("INSERT INTO alert (id, tenant_id, type, severity, status,"
            + " dedupe_key, product_id, channel_id, message) VALUES (?, ?, ?, ?, 'OPEN', ?, ?, ?, ?)"
            + " ON CONFLICT (tenant_id, dedupe_key) WHERE status <> 'RESOLVED' DO NOTHING RETURNING id")
        .setParameter(1, UUID.randomUUID()).setParameter(2, tenantId).setParameter(3, type.name())
        .setParameter(4, severity).setParameter(5, key).setParameter(6, productId).setParameter(7, channelId)
        .setParameter(8, message).getResultList();
    if (inserted.isEmpty()) {
      return Optional.empty();
    }
    UUID id = (UUID) inserted.get(0);
    notify(tenantId, id, "alert.raised");
    metrics.counter("stocksync_alerts_raised", new Tag("type", type.name())).inc();
    return Optional.of(id);
  }

  /** The condition cleared: resolves the open alert with this key, if any. */
  @Transactional
  @SuppressWarnings("unchecked")
  public void resolve(UUID tenantId, String key) {
    List<Object> resolved = em.createNativeQuery("UPDATE alert SET status = 'RESOLVED', resolved_at = now()"
            + " WHERE tenant_id = ? AND dedupe_key = ? AND status <> 'RESOLVED' RETURNING id")
        .setParameter(1, tenantId).setParameter(2, key).getResultList();
    resolved.forEach(id -> notify(tenantId, (UUID) id, "alert.resolved"));
  }

  /** Resolves the open alerts with any of these keys in one statement (the Guardian clears whole pages). */
  @Transactional
  @SuppressWarnings("unchecked")
  public void resolveAll(UUID tenantId, Collection<String> keys) {
    if (keys.isEmpty()) {
      return;
    }
    List<Object> resolved = em.createNativeQuery("UPDATE alert SET status = 'RESOLVED', resolved_at = now()"
            + " WHERE tenant_id = ? AND dedupe_key = ANY (CAST(? AS text[])) AND status <> 'RESOLVED' RETURNING id")
        .setParameter(1, tenantId).setParameter(2, PgArray.literal(keys)).getResultList();
    resolved.forEach(id -> notify(tenantId, (UUID) id, "alert.resolved"));
  }

  /** Which of these keys have an open alert: one read, before resolving or recomputing anything. */
  @Transactional
  @SuppressWarnings("unchecked")
  public Set<String> openKeys(UUID tenantId, Collection<String> keys) {
    List<Object> open = em.createNativeQuery("SELECT dedupe_key FROM alert WHERE tenant_id = ?"
            + " AND dedupe_key = ANY (CAST(? AS text[])) AND status <> 'RESOLVED'")
        .setParameter(1, tenantId).setParameter(2, PgArray.literal(keys)).getResultList();
    return open.stream().map(String.class::cast).collect(Collectors.toSet());
  }

  private void notify(UUID tenantId, UUID alertId, String eventType) {
    em.createNativeQuery("INSERT INTO alert_notification (tenant_id, alert_id, event_type) SELECT id, ?, ?"
            + " FROM tenant WHERE id = ? AND notification_url IS NOT NULL")
        .setParameter(1, alertId).setParameter(2, eventType).setParameter(3, tenantId).executeUpdate();
  }
}
