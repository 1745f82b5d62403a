package io.stocksync.tenant;

import io.stocksync.guardian.RunQueries;
import io.stocksync.guardian.RunView;
import io.stocksync.platform.problem.ProblemException;
import io.stocksync.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Per-tenant figures for operators. Metrics never carry a tenant id (bounded cardinality), so "how is this one
 * shop doing" is answered here, from the database, over a recent window.
 */
@Path("admin/tenants/{tenantId}/stats")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_ADMIN)
@RequestScoped
public class TenantStatsResource {

  @PersistenceContext(unitName = "stocksync")
  EntityManager em;

  @Inject
  RunQueries guardianRuns;

  public record TenantStats(UUID tenantId, String status, int windowHours, Map<String, Long> deliveries,
      long movements, Map<String, Long> pushes, long pendingPushes, Map<String, Long> openAlerts,
      RunView lastReconciliation) {}

  @GET
  @Transactional
  @Operation(summary = "A tenant's deliveries by outcome, movements, pushes by outcome, pending pushes and open"
      + " alerts by type, over the last windowHours (default 24), and its last ended Guardian run")
  public TenantStats stats(@PathParam("tenantId") UUID tenantId,
      @QueryParam("windowHours") @DefaultValue("24") @Min(1) @Max(720) int windowHours) {
    List<?> found = em.createNativeQuery("SELECT status FROM tenant WHERE id = ?").setParameter(1, tenantId)
        .getResultList();
    if (found.isEmpty()) {
      throw ProblemException.notFound("tenant", tenantId);
    }
    Object status = found.get(0);
    return new TenantStats(tenantId, (String) status, windowHours,
        grouped("SELECT outcome, count(*) FROM webhook_delivery WHERE tenant_id = ?1 AND received_at > now()"
            + " - make_interval(hours => ?2) GROUP BY outcome", tenantId, windowHours),
        count("SELECT count(*) FROM stock_movement WHERE tenant_id = ?1 AND created_at > now()"
            + " - make_interval(hours => ?2)", tenantId, windowHours),
        grouped("SELECT outcome, count(*) FROM sync_event WHERE tenant_id = ?1 AND created_at > now()"
            + " - make_interval(hours => ?2) GROUP BY outcome", tenantId, windowHours),
        count("SELECT count(*) FROM channel_mapping WHERE tenant_id = ?1 AND push_requested_at IS NOT NULL",
            tenantId),
        grouped("SELECT type, count(*) FROM alert WHERE tenant_id = ?1 AND status <> 'RESOLVED'"
            + " GROUP BY type", tenantId),
        guardianRuns.lastEnded(tenantId).orElse(null));
  }

  @SuppressWarnings("unchecked")
  private Map<String, Long> grouped(String sql, Object... params) {
    List<Object[]> rows = query(sql, params).getResultList();
    var result = new LinkedHashMap<String, Long>();
    rows.forEach(r -> result.put((String) r[0], ((Number) r[1]).longValue()));
    return result;
  }

  private long count(String sql, Object... params) {
    return ((Number) query(sql, params).getSingleResult()).longValue();
  }

  private jakarta.persistence.Query query(String sql, Object... params) {
    var query = em.createNativeQuery(sql);
    for (int i = 0; i < params.length; i++) {
      query.setParameter(i + 1, params[i]);
    }
    return query;
  }
}
