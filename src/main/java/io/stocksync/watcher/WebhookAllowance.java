package io.stocksync.watcher;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.util.UUID;

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
      + " RETURNING offered";

  @PersistenceContext(unitName = "stocksync")
  EntityManager em;

  /** What the Watcher may take of a batch now. */
  public record Grant(int granted, boolean crossedLimit) {}

  /** Counts {@code wanted} deliveries as offered this minute; answers how many of them may be processed now. */
  public Grant offer(UUID tenantId, int wanted, int perMinute) {
    int offered = ((Number) em.createNativeQuery(OFFER).setParameter(1, tenantId).setParameter(2, wanted)
        .setParameter(3, perMinute).setFlushMode(FlushModeType.COMMIT).getSingleResult()).intValue();
    return grant(offered - wanted, wanted, perMinute);
  }

  /** offeredBefore: deliveries offered earlier in this minute, deferred ones included. */
  static Grant grant(int offeredBefore, int wanted, int perMinute) {
    int granted = Math.max(0, Math.min(wanted, perMinute - offeredBefore));
    return new Grant(granted, granted < wanted && offeredBefore <= perMinute);
  }
}
