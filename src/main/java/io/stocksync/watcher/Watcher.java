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
import java.util.Optional;
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
  /** Deliveries waiting for the Watcher: new, parked while their tenant was paused, or over its webhook rate. */
  private static final String WAITING = "outcome IN ('ACCEPTED', 'PARKED', 'DEFERRED')";
  private static final String COLUMNS = "SELECT id, channel_id, body, headers, request_id, received_at, outcome"
      + " FROM webhook_delivery WHERE tenant_id = ? AND " + WAITING;

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

  @Inject
  WebhookAllowance allowance;

  @Resource(lookup = "jdbc/stocksync-direct")
  DataSource direct;

  /**
   * Whether the message's delivery still waits, read without a transaction or lock. Most messages of a busy tenant
   * find their delivery already applied by an earlier message's batch; this keeps each of them to one read.
   */
  public boolean isWaiting(DeliveryMessage message) {
    try (var c = direct.getConnection(); var ps = c.prepareStatement("SELECT 1 FROM webhook_delivery"
        + " WHERE id = ? AND tenant_id = ? AND " + WAITING)) {
      ps.setLong(1, message.deliveryId());
      ps.setObject(2, message.tenantId());
      try (var rs = ps.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("inbox unavailable: " + e.getMessage(), e);
    }
  }

  /**
   * The message's delivery and up to limit - 1 waiting deliveries of its tenant after it. One more row is read to
   * see what waits beyond the batch: a deferred delivery there has no message of its own left (its message was
   * consumed when it was deferred), so the answer names it for a wake-up.
   */
  @Transactional
  public Applied processFrom(DeliveryMessage message, int limit) {
    if (allowance.usedUp(message.tenantId())) {
      var deferred = deferFrom(message);
      return new Applied(Set.of(), deferred.size(), deferred, Optional.empty());
    }
    var rows = waiting(COLUMNS + " AND id >= ? ORDER BY id LIMIT ? FOR UPDATE", message, limit + 1);
    return process(message.tenantId(), rows.subList(0, Math.min(limit, rows.size())),
        rows.size() > limit ? rows.get(limit) : null);
  }

  /**
   * Only the message's own delivery (after a batch failed: one bad delivery must not hold up the others), and, as
   * for a batch, the deferred delivery after it to wake.
   */
  @Transactional
  public Applied processOnly(DeliveryMessage message) {
    var rows = waiting(COLUMNS + " AND id >= ? ORDER BY id LIMIT ? FOR UPDATE", message, 2);
    if (rows.isEmpty() || id(rows.get(0)) != message.deliveryId()) {
      return Applied.NOTHING; // its own delivery was applied meanwhile
    }
    return process(message.tenantId(), rows.subList(0, 1), rows.size() > 1 ? rows.get(1) : null);
  }

  /** Applying the message's delivery alone failed: counted on its own, as the failed transaction took everything. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void recordFailure(DeliveryMessage message) {
    em.createNativeQuery("UPDATE webhook_delivery SET failures = failures + 1 WHERE id = ? AND tenant_id = ?")
        .setParameter(1, message.deliveryId()).setParameter(2, message.tenantId()).executeUpdate();
  }

  /**
   * What a batch did: the channels that now have levels to push (the caller wakes Sync for them after the commit),
   * how many deliveries it newly deferred and which deliveries are now deferred (the caller tells the allowance after
   * the commit), and the deferred delivery beyond the batch to wake, if any.
   */
  public record Applied(Set<UUID> channelsToWake, int newlyDeferred, List<Long> deferred,
      Optional<DeliveryMessage> wakeNext) {
    static final Applied NOTHING = new Applied(Set.of(), 0, List.of(), Optional.empty());
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> waiting(String sql, DeliveryMessage message, int limit) {
    return em.createNativeQuery(sql).setParameter(1, message.tenantId()).setParameter(2, message.deliveryId())
        .setParameter(3, limit).setFlushMode(FlushModeType.COMMIT).getResultList();
  }

  private Applied process(UUID tenantId, List<Object[]> batch, Object[] beyond) {
    if (batch.isEmpty()) {
      return Applied.NOTHING; // processed already: a redelivery, a re-publish, or taken by an earlier message's batch
    }
    var tenant = tenants.find(tenantId).orElse(null);
    if (tenant == null || tenant.status() == TenantStatus.DELETING || tenant.status() == TenantStatus.DELETED) {
      mark(batch.stream().map(Watcher::id).toList(), "DEAD", null);
      return Applied.NOTHING;
    }
    if (tenant.status() == TenantStatus.PAUSED) {
      mark(batch.stream().map(Watcher::id).toList(), "PARKED", null);
      return Applied.NOTHING;
    }
    int perMinute = tenant.tier().webhooksPerMinute();
    var grant = allowance.offer(tenantId, batch.size(), perMinute);
    var over = batch.subList(grant.granted(), batch.size()).stream().map(Watcher::id).toList();
    int newlyDeferred = over.isEmpty() ? 0 : defer(tenantId, over);
    if (grant.crossedLimit()) {
      LOG.info(() -> "tenant " + tenantId + " is over its " + perMinute + " webhooks a minute: its deliveries wait"
          + " for the next minute (DEFERRED)");
    }
    var toWake = apply(tenantId, batch.subList(0, grant.granted()));
    boolean deferredBeyond = over.isEmpty() && beyond != null && "DEFERRED".equals(beyond[6]);
    return new Applied(toWake, newlyDeferred, over, deferredBeyond
        ? Optional.of(DeliveryMessage.of(id(beyond), tenantId, (UUID) beyond[1], (String) beyond[4]))
        : Optional.empty());
  }

  private Set<UUID> apply(UUID tenantId, List<Object[]> rows) {
    if (rows.isEmpty()) {
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

  /**
   * The tenant's minute is used up: defers the message's delivery and every one of the tenant's waiting after it in
   * one UPDATE (their messages then find them deferred in memory); answers those it deferred.
   */
  @SuppressWarnings("unchecked")
  private List<Long> deferFrom(DeliveryMessage message) {
    List<Object> ids = em.createNativeQuery("UPDATE webhook_delivery SET outcome = 'DEFERRED' WHERE tenant_id = ?"
            + " AND id >= ? AND outcome IN ('ACCEPTED', 'PARKED') RETURNING id")
        .setParameter(1, message.tenantId()).setParameter(2, message.deliveryId()).setFlushMode(FlushModeType.COMMIT)
        .getResultList();
    return ids.stream().map(id -> ((Number) id).longValue()).toList();
  }

  /** Leaves waiting deliveries for a later minute; answers how many were not deferred before. */
  private int defer(UUID tenantId, List<Long> ids) {
    return em.createNativeQuery("UPDATE webhook_delivery SET outcome = 'DEFERRED'"
            + " WHERE id = ANY (CAST(? AS bigint[])) AND tenant_id = ? AND outcome IN ('ACCEPTED', 'PARKED')")
        .setParameter(1, PgArray.literal(ids)).setParameter(2, tenantId).setFlushMode(FlushModeType.COMMIT)
        .executeUpdate();
  }

  private static long id(Object[] row) {
    return ((Number) row[0]).longValue();
  }
}
