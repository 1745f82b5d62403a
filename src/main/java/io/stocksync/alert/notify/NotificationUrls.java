package io.stocksync.alert.notify;

import io.stocksync.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Sets or clears a tenant's notification URL (the tenant setting notificationUrl), after the SSRF guard. The
 * version is bumped like any change to the tenant row, so a concurrent settings change fails rather than writes back
 * a stale URL.
 */
@ApplicationScoped
public class NotificationUrls {

  @PersistenceContext(unitName = "stocksync")
  EntityManager em;

  @Inject
  NotificationTargets targets;

  /** Points the tenant's notifications at url, or nowhere when null; 422 for a URL the guard refuses. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void pointAt(UUID tenantId, String url) {
    if (url != null) {
      targets.refusalToSet(url).ifPresent(why -> {
        throw ProblemException.unprocessable(why);
      });
    }
    int changed = em.createNativeQuery("UPDATE tenant SET notification_url = ?, version = version + 1,"
            + " updated_at = now() WHERE id = ? AND status IN ('ACTIVE', 'PAUSED')")
        .setParameter(1, url).setParameter(2, tenantId).executeUpdate();
    if (changed == 0) {
      throw ProblemException.conflict("the tenant is being deleted");
    }
  }
}
