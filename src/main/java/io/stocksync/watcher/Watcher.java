package io.stocksync.watcher;

import io.stocksync.channel.Channel;
import io.stocksync.channel.webhook.WebhookRequest;
import io.stocksync.intake.DeliveryMessage;
import io.stocksync.intake.Formats;
import io.stocksync.intake.StoredHeaders;
import io.stocksync.platform.persistence.PgArray;
import io.stocksync.platform.request.RequestId;
import io.stocksync.sync.SyncRequests;
import io.stocksync.tenant.TenantRepository;
import io.stocksync.tenant.TenantStatus;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Applies inbox deliveries to the ledger, in one local database transaction per call. The delivery rows are
 * locked first and only ACCEPTED or PARKED ones are taken, so a redelivered or duplicated message finds its row
 * PROCESSED and does nothing: no external event is applied twice. A message may take its tenant's later waiting
 * deliveries with it (inbox order), so a busy tenant's backlog is applied in a few transactions instead of one per
 * delivery; the messages of deliveries already taken then find nothing to do.
 */
@ApplicationScoped
public class Watcher {

  private static final Logger LOG = Logger.getLogger(Watcher.class.getName());
  private static final String COLUMNS = "SELECT id, channel_id, body, headers, request_id, received_at"
      + " FROM webhook_delivery WHERE tenant_id = ? AND outcome IN ('ACCEPTED', 'PARKED')";

  @PersistenceContext(unitName = "stocksync")
  EntityManager em;

  @Inject
  TenantRepository tenants;

  @Inject
  Formats formats;

  @Inject
  EventApplier applier;

  @Inject
  SyncRequests sync;

  @Resource(lookup = "jdbc/stocksync-direct")
  DataSource direct;

  /**
   * Whether the message's delivery still waits, read without a transaction or lock. Most messages of a busy tenant
   * find their delivery already applied by an earlier message's batch; this keeps each of them to one read.
   */
  public boolean isWaiting(DeliveryMessage message) {
    try (var c = direct.getConnection(); var ps = c.prepareStatement("SELECT 1 FROM webhook_delivery"
        + " WHERE id = ? AND tenant_id = ? AND outcome IN ('ACCEPTED', 'PARKED')")) {
      ps.setLong(1, message.deliveryId());
      ps.setObject(2, message.tenantId());
      try (var rs = ps.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("inbox unavailable: " + e.getMessage(), e);
    }
  }

  /** The message's delivery and up to limit - 1 waiting deliveries of its tenant after it. */
  @Transactional
  public Set<UUID> processFrom(DeliveryMessage message, int limit) {
    return process(message.tenantId(), waiting(COLUMNS + " AND id >= ? ORDER BY id LIMIT ? FOR UPDATE",
        message, limit));
  }

  /** Only the message's own delivery (after a batch failed: one bad delivery must not hold up the others). */
  @Transactional
  public Set<UUID> processOnly(DeliveryMessage message) {
    return process(message.tenantId(), waiting(COLUMNS + " AND id = ? LIMIT ? FOR UPDATE", message, 1));
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> waiting(String sql, DeliveryMessage message, int limit) {
    return em.createNativeQuery(sql).setParameter(1, message.tenantId()).setParameter(2, message.deliveryId())
        .setParameter(3, limit).setFlushMode(FlushModeType.COMMIT).getResultList();
  }

  /** Answers the channels that now have levels to push; the caller wakes Sync for them after the commit. */
  private Set<UUID> process(UUID tenantId, List<Object[]> rows) {
    if (rows.isEmpty()) {
      return Set.of(); // processed already: a redelivery, a re-publish, or taken by an earlier message's batch
    }
    var tenant = tenants.find(tenantId).orElse(null);
    if (tenant == null || tenant.status() == TenantStatus.DELETING || tenant.status() == TenantStatus.DELETED) {
      mark(rows.stream().map(Watcher::id).toList(), "DEAD", null);
      return Set.of();
    }
    if (tenant.status() == TenantStatus.PAUSED) {
      mark(rows.stream().map(Watcher::id).toList(), "PARKED", null);
      return Set.of();
    }
    Map<UUID, Set<UUID>> changedBySource = new LinkedHashMap<>();
    Map<UUID, Instant> earliestBySource = new LinkedHashMap<>();
    List<Long> processed = new ArrayList<>();
    List<String> kinds = new ArrayList<>();
    for (Object[] row : rows) {
      var channel = em.find(Channel.class, row[1]);
      var format = formats.of(channel.type()).orElseThrow();
      var event = format.parse(new WebhookRequest(StoredHeaders.fromJson((String) row[3]), (byte[]) row[2], null));
      String requestId = (String) row[4];
      Set<UUID> changed = new LinkedHashSet<>();
      RequestId.runWith(requestId, tenantId, () -> changed.addAll(applier.apply(channel, event, requestId)));
      if (!changed.isEmpty()) {
        changedBySource.computeIfAbsent(channel.id(), c -> new LinkedHashSet<>()).addAll(changed);
        earliestBySource.putIfAbsent(channel.id(), ((Timestamp) row[5]).toInstant());
      }
      processed.add(id(row));
      kinds.add(event.kind().name());
      LOG.fine(() -> "delivery " + id(row) + " (request " + requestId + ") applied: " + event.kind() + ", "
          + changed.size() + " product(s) changed");
    }
    mark(processed, "PROCESSED", kinds);
    Set<UUID> toWake = new LinkedHashSet<>();
    changedBySource.forEach((source, products) ->
        toWake.addAll(sync.flag(tenantId, products, source, earliestBySource.get(source))));
    return toWake;
  }

  /**
   * One UPDATE for the batch's deliveries (an UPDATE per delivery was a round trip per order of a busy tenant).
   * kinds, when given, holds each delivery's event kind in the order of ids.
   */
  private void mark(List<Long> ids, String outcome, List<String> kinds) {
    em.createNativeQuery("UPDATE webhook_delivery d SET outcome = ?, processed_at = now(),"
            + " event_kind = COALESCE(u.kind, d.event_kind)"
            + " FROM unnest(CAST(? AS bigint[]), CAST(? AS text[])) AS u(id, kind) WHERE d.id = u.id")
        .setParameter(1, outcome).setParameter(2, PgArray.literal(ids))
        .setParameter(3, PgArray.literal(kinds != null ? kinds : Collections.nCopies(ids.size(), null)))
        .setFlushMode(FlushModeType.COMMIT).executeUpdate(); // the inbox row is no entity: nothing to flush for it
  }

  private static long id(Object[] row) {
    return ((Number) row[0]).longValue();
  }
}
