package io.stocksync.tenant;

import io.stocksync.alert.notify.NotificationTargets;
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

  @Inject
  NotificationTargets notificationTargets;

  public TenantView create(TenantRequests.Create request) {
    refuseForbiddenNotificationUrl(request.settings());
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
    // Before the row lock: the guard resolves the URL's host, and a slow DNS answer must not hold the tenant's row
    // (FOR UPDATE blocks every insert that references the tenant).
    refuseForbiddenNotificationUrl(request.settings());
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

  /**
   * Marks the tenant DELETING, so that nothing new comes in; {@link TenantDeletion} then purges its rows in
   * batches. Deleting a tenant that is already DELETING or DELETED changes nothing.
   */
  public TenantView delete(UUID id) {
    var tenant = tenants.lock(id);
    if (!tenant.status().isLive()) {
      return TenantView.of(tenant);
    }
    var before = TenantView.of(tenant);
    tenant.markDeleting();
    return audited(tenant, "tenant.delete", before);
  }

  /**
   * Leaves the DELETED tombstone once no row of the tenant is left (checked under the tenant's row lock), in a
   * transaction of its own. Answers false when rows remain, e.g. written while the purge ran.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean finishDeletion(UUID id, TenantDeletion.Summary summary, String actor, String requestId) {
    var tenant = tenants.lock(id);
    if (tenant.status() == TenantStatus.DELETED) {
      return true;
    }
    if (purge.anyLeft(id)) {
      return false;
    }
    tenant.markDeleted();
    audit.recordAs(actor, requestId, id, "tenant.purged", "tenant", id, null, summary);
    return true;
  }

  /** The SSRF guard of alert notifications, for a URL set by a platform admin too: 422 saying why. */
  private void refuseForbiddenNotificationUrl(SettingsPatch settings) {
    if (settings != null && settings.notificationUrl() != null) {
      notificationTargets.refusalToSet(settings.notificationUrl()).ifPresent(why -> {
        throw io.stocksync.platform.problem.ProblemException.unprocessable(why);
      });
    }
  }

  private Tenant liveTenant(UUID id) {
    var tenant = tenants.lock(id);
    if (tenant.status() == TenantStatus.DELETED) {
      throw io.stocksync.platform.problem.ProblemException.notFound("tenant", id);
    }
    if (tenant.status() == TenantStatus.DELETING) {
      throw io.stocksync.platform.problem.ProblemException.conflict("the tenant is being deleted");
    }
    return tenant;
  }

  private TenantView audited(Tenant tenant, String action, TenantView before) {
    var after = TenantView.of(tenant);
    audit.record(tenant.id(), action, "tenant", tenant.id(), before, after);
    return after;
  }
}
