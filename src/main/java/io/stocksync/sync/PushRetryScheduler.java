package io.stocksync.sync;

import io.stocksync.platform.schedule.Periodic;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every few seconds, wakes Sync up for channels whose parked pushes are due again (back-off over, Retry-After
 * passed) or whose wake-up was lost. Each server does this; a duplicate wake-up costs one query.
 */
@ApplicationScoped
public class PushRetryScheduler {

  private static final Logger LOG = Logger.getLogger(PushRetryScheduler.class.getName());
  private static final long PERIOD_SECONDS = 3;

  @Inject
  Periodic periodic;

  @PersistenceContext(unitName = "stocksync")
  EntityManager em;

  @Inject
  SyncRequests requests;

  @Inject
  PushRetryScheduler self;

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    periodic.every(PERIOD_SECONDS, this::tick);
  }

  private void tick() {
    try {
      self.dueChannels().forEach(r -> requests.wake((UUID) r[0], (UUID) r[1]));
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "retry sweep skipped: " + e.getMessage());
    }
  }

  @Transactional
  @SuppressWarnings("unchecked")
  public List<Object[]> dueChannels() {
    return em.createNativeQuery("SELECT DISTINCT m.tenant_id, m.channel_id FROM channel_mapping m"
            + " JOIN tenant t ON t.id = m.tenant_id AND t.status = 'ACTIVE' JOIN channel c ON c.id = m.channel_id"
            + " WHERE " + KillSwitches.NONE_SET + " AND m.push_requested_at IS NOT NULL AND m.push_requested_at < now() - interval '2 seconds'"
            + " AND (m.push_not_before IS NULL OR m.push_not_before <= now()) LIMIT 500")
        .getResultList();
  }
}
