package io.stocksync.sync;

import io.stocksync.catalog.ExpectedLevel;
import io.stocksync.channel.push.PushOutcome;
import io.stocksync.platform.metrics.MetricHandles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The pending-push state in PostgreSQL. Reading computes each level from the current on-hand, so whatever
 * happened since the flag was set, the channel gets the latest level. Settling clears a flag only if nobody
 * raised it again meanwhile (compare on the request time), so no change is lost between read and write.
 */
@ApplicationScoped
public class PendingPushes {

  private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
  private static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);

  @PersistenceContext(unitName = "stocksync")
  EntityManager em;

  @Inject
  MetricHandles metrics;

  /**
   * Up to limit flagged levels of the channel that are due, computed from the current on-hand; none while the
   * tenant is not ACTIVE or a kill switch stops the channel's pushes (the flags then stay for later).
   */
  @Transactional
  @SuppressWarnings("unchecked")
  public List<PendingPush> due(UUID tenantId, UUID channelId, int limit) {
    List<Object[]> rows = em.createNativeQuery("SELECT m.id, m.external_id, m.external_location_id, p.on_hand,"
            + " c.buffer_stock, m.last_pushed_level, m.last_reported_level, m.push_requested_at, m.push_attempts,"
            + " m.change_received_at"
            + " FROM channel_mapping m JOIN product p ON p.id = m.product_id JOIN channel c ON c.id = m.channel_id"
            + " JOIN tenant t ON t.id = m.tenant_id AND t.status = 'ACTIVE'"
            + " WHERE m.tenant_id = ? AND m.channel_id = ? AND m.push_requested_at IS NOT NULL"
            + " AND " + KillSwitches.NONE_SET
            + " AND (m.push_not_before IS NULL OR m.push_not_before <= now()) ORDER BY m.push_requested_at LIMIT ?")
        .setParameter(1, tenantId).setParameter(2, channelId).setParameter(3, limit).getResultList();
    return rows.stream().map(r -> new PendingPush((UUID) r[0], (String) r[1], (String) r[2],
        ExpectedLevel.of(((Number) r[3]).longValue(), ((Number) r[4]).intValue()), toLong(r[5]), toLong(r[6]),
        ((Timestamp) r[7]).toInstant(), ((Number) r[8]).intValue(),
        r[9] == null ? null : ((Timestamp) r[9]).toInstant())).toList();
  }

  /** The channel already shows the level: nothing to call, just settle. */
  @Transactional
  public void settleUnchanged(PendingPush p) {
    clearFlag(p, "");
  }

  /** A batch call's outcomes, in one transaction. */
  @Transactional
  public void recordOutcomes(UUID tenantId, Map<PendingPush, PushOutcome> outcomes, long latencyMs,
      String requestId) {
    inLockOrder(outcomes.keySet()).forEach(p -> recordOutcome(tenantId, p, outcomes.get(p), latencyMs, requestId));
  }

  /**
   * Rows in id order, the order in which the Watcher's flagging locks them too, so that a batch settled here and a
   * batch flagged there never deadlock (PostgreSQL orders uuids by their bytes, as their text sorts).
   */
  private static List<PendingPush> inLockOrder(Collection<PendingPush> batch) {
    return batch.stream().sorted(Comparator.comparing(p -> p.mappingId().toString())).toList();
  }

  private void recordOutcome(UUID tenantId, PendingPush p, PushOutcome outcome, long latencyMs, String requestId) {
    switch (outcome.status()) {
      case PUSHED -> {
        clearFlag(p, ", last_pushed_level = " + p.level() + ", last_pushed_at = now()");
        if (p.changeReceivedAt() != null) {
          endToEnd().update(Duration.between(p.changeReceivedAt(), Instant.now()));
        }
      }
      case CONFLICT -> reschedule(p, Duration.ofSeconds(30), outcome.actual());
      case FAILED -> reschedule(p, backoff(p.attempts() + 1, outcome.retryAfter()), null);
    }
    event(tenantId, p, outcome.status().name(), latencyMs, outcome.httpStatus(), outcome.error(), requestId);
  }

  /** The whole call failed (channel down, rate-limited, breaker open): every push waits and retries later. */
  @Transactional
  public void park(UUID tenantId, List<PendingPush> batch, Integer httpStatus, Duration retryAfter, String error,
      long latencyMs, String requestId) {
    parkAs("PARKED", tenantId, batch, httpStatus, retryAfter, error, latencyMs, requestId);
  }

  /** Not even tried (this channel's breaker is open): waits like a parked push, recorded as SKIPPED. */
  @Transactional
  public void skip(UUID tenantId, List<PendingPush> batch, String reason, String requestId) {
    parkAs("SKIPPED", tenantId, batch, null, null, reason, 0, requestId);
  }

  private void parkAs(String outcome, UUID tenantId, List<PendingPush> batch, Integer httpStatus,
      Duration retryAfter, String error, long latencyMs, String requestId) {
    for (var p : inLockOrder(batch)) {
      reschedule(p, backoff(p.attempts() + 1, retryAfter), null);
      event(tenantId, p, outcome, latencyMs, httpStatus, error, requestId);
    }
  }

  /**
   * Exponential back-off capped at five minutes, but never sooner than the vendor's Retry-After (capped at a day,
   * against a vendor answering nonsense): calling before it would only be refused again.
   */
  static Duration backoff(int attempts, Duration retryAfter) {
    Duration exponential = Duration.ofSeconds(1L << Math.min(attempts, 9));
    Duration wait = exponential.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : exponential;
    if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
      wait = retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter;
    }
    return wait;
  }

  /** From receiving a change (webhook or adjustment) to the channel showing it; per channel push. */
  private Timer endToEnd() {
    return metrics.timer("stocksync_change_to_push");
  }

  private void clearFlag(PendingPush p, String pushedColumns) {
    em.createNativeQuery("UPDATE channel_mapping SET push_attempts = 0, push_not_before = NULL" + pushedColumns
            + ", change_received_at = CASE WHEN push_requested_at = ? THEN NULL ELSE change_received_at END"
            + ", push_requested_at = CASE WHEN push_requested_at = ? THEN NULL ELSE push_requested_at END"
            + " WHERE id = ?")
        .setParameter(1, Timestamp.from(p.requestedAt())).setParameter(2, Timestamp.from(p.requestedAt()))
        .setParameter(3, p.mappingId()).executeUpdate();
  }

  private void reschedule(PendingPush p, Duration wait, Long reported) {
    em.createNativeQuery("UPDATE channel_mapping SET push_attempts = push_attempts + 1, push_not_before = ?"
            + (reported != null ? ", last_reported_level = " + reported + ", last_reported_at = now()" : "")
            + " WHERE id = ?")
        .setParameter(1, Timestamp.from(Instant.now().plus(wait))).setParameter(2, p.mappingId()).executeUpdate();
  }

  private void event(UUID tenantId, PendingPush p, String outcome, long latencyMs, Integer httpStatus, String error,
      String requestId) {
    em.createNativeQuery("INSERT INTO sync_event (tenant_id, mapping_id, level, outcome, attempt, latency_ms,"
            + " http_status, error, request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .setParameter(1, tenantId).setParameter(2, p.mappingId()).setParameter(3, p.level())
        .setParameter(4, outcome).setParameter(5, p.attempts() + 1).setParameter(6, (int) latencyMs)
        .setParameter(7, httpStatus).setParameter(8, error).setParameter(9, requestId).executeUpdate();
  }

  private static Long toLong(Object o) {
    return o == null ? null : ((Number) o).longValue();
  }
}
