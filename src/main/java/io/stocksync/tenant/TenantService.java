package io.stocksync.tenant;

import io.stocksync.platform.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** Tenant use cases; each one transaction with its audit entry. */
@ApplicationScoped
@Transactional
public class TenantService {

  @Inject
  TenantRepository tenants;

  @Inject
  TenantPurge purge;

  @Inject
  AuditLog audit;

  @Inject
  TierLimits tierLimits;

  @Inject
  jakarta.enterprise.event.Event<TenantResumed> resumed;

  public TenantView create(TenantRequests.Create request) {
    var settings = request.settings() == null
        ? TenantSettings.DEFAULTS
        : request.settings().over(TenantSettings.DEFAULTS);
    var tenant = new Tenant(request.name(), request.tier(), settings);
    tenants.add(tenant);
    var view = TenantView.of(tenant);
    audit.record(tenant.id(), "tenant.create", "tenant", tenant.id(), null, view);
    return view;
  }

  public TenantView update(UUID id, TenantRequests.Update request) {
    var tenant = liveTenant(id);
    var before = TenantView.of(tenant);
    if (request.name() != null) {
      tenant.rename(request.name());
    }
    if (request.tier() != null) {
      tenant.changeTier(request.tier());
      tierLimits.evict(id);
    }
    if (request.settings() != null) {
      tenant.apply(request.settings().over(tenant.settings()));
    }
    return audited(tenant, "tenant.update", before);
  }

  public TenantView pause(UUID id) {
    var tenant = liveTenant(id);
    var before = TenantView.of(tenant);
    tenant.pause();
    return audited(tenant, "tenant.pause", before);
  }

  public TenantView resume(UUID id) {
    var tenant = liveTenant(id);
    var before = TenantView.of(tenant);
    tenant.resume();
    resumed.fire(new TenantResumed(id, java.time.Instant.now()));
    return audited(tenant, "tenant.resume", before);
  }

  /** Purges the tenant's data in this transaction and leaves a DELETED tombstone; deleting again is a no-op. */
  public void delete(UUID id) {
    var tenant = tenants.lock(id);
    if (tenant.status() == TenantStatus.DELETED) {
      return;
    }
    var before = TenantView.of(tenant);
    var removed = purge.purge(id);
    tenant.markDeleted();
    audit.record(id, "tenant.delete", "tenant", id, before, removed);
  }

  private Tenant liveTenant(UUID id) {
    var tenant = tenants.lock(id);
    if (tenant.status() == TenantStatus.DELETED) {
      throw io.stocksync.platform.problem.ProblemException.notFound("tenant", id);
    }
    return tenant;
  }

  private TenantView audited(Tenant tenant, String action, TenantView before) {
    var after = TenantView.of(tenant);
    audit.record(tenant.id(), action, "tenant", tenant.id(), before, after);
    return after;
  }
}
