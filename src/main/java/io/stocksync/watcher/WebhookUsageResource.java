package io.stocksync.watcher;

import io.stocksync.platform.persistence.SqlTimes;
import io.stocksync.platform.security.Caller;
import io.stocksync.platform.security.Roles;
import io.stocksync.tenant.TenantRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A shop's own webhook rate: what its plan allows a minute, what this minute has taken, and what waits. */
@Path("tenant/webhook-usage")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.TENANT_USER, Roles.TENANT_ADMIN})
@RequestScoped
public class WebhookUsageResource {

  @PersistenceContext(unitName = "stocksync")
  EntityManager em;

  @Inject
  TenantRepository tenants;

  @Inject
  Caller caller;

  /**
   * offeredThisMinute counts a deferred delivery again each time it was offered, so it can pass perMinute by more
   * than the deliveries received.
   */
  public record WebhookUsage(int perMinute, OffsetDateTime minute, int offeredThisMinute, long deferred,
      OffsetDateTime oldestDeferredReceivedAt) {}

  @GET
  @Transactional
  @Operation(summary = "The caller's webhooks per minute: the plan's limit, this minute's count, and the deliveries"
      + " waiting for a later minute (DEFERRED) because the limit was reached")
  public WebhookUsage get() {
    var tenantId = caller.tenantId();
    int perMinute = tenants.get(tenantId).tier().webhooksPerMinute();
    Object[] r = (Object[]) em.createNativeQuery("SELECT date_trunc('minute', now()),"
            + " (SELECT offered FROM webhook_rate_window WHERE tenant_id = ?1"
            + " AND window_start = date_trunc('minute', now())), d.n, d.oldest"
            + " FROM (SELECT count(*) n, min(received_at) oldest FROM webhook_delivery"
            + " WHERE tenant_id = ?1 AND outcome = 'DEFERRED') d")
        .setParameter(1, tenantId).getSingleResult();
    return new WebhookUsage(perMinute, SqlTimes.utc(r[0]), r[1] == null ? 0 : ((Number) r[1]).intValue(),
        ((Number) r[2]).longValue(), SqlTimes.utc(r[3]));
  }
}
