package io.stocksync.tenant;

import io.stocksync.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;
import java.util.function.ToIntFunction;

/**
 * Checks a tenant's plan before something is added. Locks the tenant row for the caller's transaction, so two
 * concurrent creations cannot both take the last free place.
 */
@ApplicationScoped
public class TenantQuota {

  @Inject
  TenantRepository tenants;

  @Transactional(Transactional.TxType.MANDATORY)
  public void requireRoom(UUID tenantId, String what, long current, ToIntFunction<Tier> limit) {
    var tenant = tenants.lock(tenantId);
    if (!tenant.status().isLive()) {
      throw ProblemException.notFound("tenant", tenantId);
    }
    int max = limit.applyAsInt(tenant.tier());
    if (current >= max) {
      throw ProblemException.forbidden("the " + tenant.tier() + " plan allows " + max + " " + what
          + "; upgrade the plan or remove some first");
    }
  }
}
