package io.stocksync.guardian;

import io.stocksync.platform.problem.ProblemException;
import io.stocksync.tenant.Tenant;
import io.stocksync.tenant.TenantStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.UUID;

/** Whether a tenant may be reconciled: it exists (else 404) and is active (a paused one is skipped: 409). */
@ApplicationScoped
public class TenantGate {

  @PersistenceContext(unitName = "stocksync")
  EntityManager em;

  public void requireExists(UUID tenantId) {
    if (status(tenantId).filter(s -> s != TenantStatus.DELETED).isEmpty()) {
      throw ProblemException.notFound("tenant", tenantId);
    }
  }

  public void requireActive(UUID tenantId) {
    var status = status(tenantId);
    if (status.filter(s -> s == TenantStatus.ACTIVE).isEmpty()) {
      throw ProblemException.conflict("the tenant is not active (" + status.map(String::valueOf).orElse("unknown")
          + "): Guardian skips it");
    }
  }

  // A plain read: no transaction needed (the entity is detached at once).
  Optional<TenantStatus> status(UUID tenantId) {
    return Optional.ofNullable(em.find(Tenant.class, tenantId)).map(Tenant::status);
  }
}
