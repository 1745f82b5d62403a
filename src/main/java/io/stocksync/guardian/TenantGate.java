package io.stocksync.guardian;

import io.stocksync.platform.problem.ProblemException;
import io.stocksync.tenant.Tenant;
import io.stocksync.tenant.TenantStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** Whether a tenant may be reconciled: it exists (else 404) and is active (a paused one is skipped: 409). */
@ApplicationScoped
public class TenantGate {

  @PersistenceContext(unitName = "stocksync")
  EntityManager em;

  @Transactional
  public void requireExists(UUID tenantId) {
    var t = em.find(Tenant.class, tenantId);
    if (t == null || t.status() == TenantStatus.DELETED) {
      throw ProblemException.notFound("tenant", tenantId);
    }
  }

  @Transactional
  public void requireActive(UUID tenantId) {
    var t = em.find(Tenant.class, tenantId);
    if (t == null || t.status() != TenantStatus.ACTIVE) {
      throw ProblemException.conflict("the tenant is not active (" + (t == null ? "unknown" : t.status())
          + "): Guardian skips it");
    }
  }
}
