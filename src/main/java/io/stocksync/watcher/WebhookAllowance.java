package io.stocksync.watcher;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tier's webhooks per minute. Counted per tenant and minute of the database's clock, so the limit holds however
 * many servers run; the count is written in the Watcher's transaction, so a batch that rolls back takes nothing
 * from the allowance.
 */
@ApplicationScoped
public class WebhookAllowance {

  private static final String OFFER = "INSERT INTO webhook_rate_window AS w (tenant_id, window_start, offered,"
      + " window_limit) VALUES (?, date_trunc('minute', now()), ?, ?) ON CONFLICT (tenant_id, window_start)"
      + " DO UPDATE SET offered = w.offered + EXCLUDED.offered, window_limit = EXCLUDED.window_limit"
      + " RETURNING offered, window_start + interval '1 minute'";

  @PersistenceContext(unitName = "stocksync")
  EntityManager em;

  /**
   * Tenants that used up their minute, until the minute's end, as this server saw it: their further deliveries are
   * deferred one by one without reading a batch (a flood over the limit must cost less than what it is denied).
   */
  private final ConcurrentHashMap<UUID, Instant> usedUpUntil = new ConcurrentHashMap<>();

  /** What the Watcher may take of a batch now. */
  public record Grant(int granted, boolean crossedLimit) {}

  /** Counts {@code wanted} deliveries as offered this minute; answers how many of them may be processed now. */
  public Grant offer(UUID tenantId, int wanted, int perMinute) {
    Object[] r = (Object[]) em.createNativeQuery(OFFER).setParameter(1, tenantId).setParameter(2, wanted)
        .setParameter(3, perMinute).setFlushMode(FlushModeType.COMMIT).getSingleResult();
    int offered = ((Number) r[0]).intValue();
    var grant = grant(offered - wanted, wanted, perMinute);
    if (grant.granted() < wanted) {
      usedUpUntil.put(tenantId, ((Timestamp) r[1]).toInstant());
    }
    return grant;
  }

  /** Whether the tenant's current minute is known to be used up (a rolled-back batch may leave it so: it only defers). */
  public boolean usedUp(UUID tenantId) {
    return usedUp(tenantId, Instant.now());
  }

  boolean usedUp(UUID tenantId, Instant now) {
    var until = usedUpUntil.get(tenantId);
    if (until == null) {
      return false;
    }
    if (!now.isBefore(until)) {
      usedUpUntil.remove(tenantId, until);
      return false;
    }
    return true;
  }

  /** Forgets the minutes that have ended (a tenant that went over once and sent nothing since). */
  public void forgetEnded(Instant now) {
    usedUpUntil.values().removeIf(until -> !now.isBefore(until));
  }

  /** offeredBefore: deliveries offered earlier in this minute, deferred ones included. */
  static Grant grant(int offeredBefore, int wanted, int perMinute) {
    int granted = Math.max(0, Math.min(wanted, perMinute - offeredBefore));
    return new Grant(granted, granted < wanted && offeredBefore <= perMinute);
  }

  /** For tests: as if the tenant's minute had been used up until then. */
  void markUsedUp(UUID tenantId, Instant until) {
    usedUpUntil.put(tenantId, until);
  }
}
