package io.stocksync.sync;

import io.stocksync.platform.persistence.SqlTimes;
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
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Pushes that failed and wait for their retry (a channel down, rate-limited, refusing our credentials), for
 * operators: list them per tenant, and send them now instead of at their back-off time.
 */
@Path("admin/parked-pushes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_ADMIN)
@RequestScoped
public class ParkedPushResource {

  @PersistenceContext(unitName = "stocksync")
  EntityManager em;

  @Inject
  SyncRequests requests;

  public record ParkedPush(UUID mappingId, UUID channelId, UUID productId, String externalId, int attempts,
      OffsetDateTime notBefore, String lastError) {}

  @GET
  @Transactional
  @SuppressWarnings("unchecked")
  @Operation(summary = "A tenant's parked pushes (failed at least once, waiting for their retry), oldest first")
  public List<ParkedPush> list(@QueryParam("tenantId") @NotNull UUID tenantId,
      @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
    List<Object[]> rows = em.createNativeQuery("SELECT m.id, m.channel_id, m.product_id, m.external_id,"
            + " m.push_attempts, m.push_not_before, (SELECT e.error FROM sync_event e WHERE e.tenant_id = m.tenant_id"
            + " AND e.mapping_id = m.id ORDER BY e.id DESC LIMIT 1) FROM channel_mapping m WHERE m.tenant_id = ?"
            + " AND m.push_requested_at IS NOT NULL AND m.push_attempts > 0 ORDER BY m.push_requested_at LIMIT ?")
        .setParameter(1, tenantId).setParameter(2, limit).getResultList();
    return rows.stream().map(r -> new ParkedPush((UUID) r[0], (UUID) r[1], (UUID) r[2], (String) r[3],
        ((Number) r[4]).intValue(), SqlTimes.utc(r[5]),
        (String) r[6])).toList();
  }

  @POST
  @Path("replay")
  @Transactional
  @SuppressWarnings("unchecked")
  @Operation(summary = "Retry a tenant's parked pushes now (optionally of one channel); answers how many")
  public Map<String, Integer> replay(@QueryParam("tenantId") @NotNull UUID tenantId,
      @QueryParam("channelId") UUID channelId) {
    if (em.createNativeQuery("SELECT 1 FROM tenant WHERE id = ? AND status <> 'DELETED'").setParameter(1, tenantId)
        .getResultList().isEmpty()) {
      throw ProblemException.notFound("tenant", tenantId);
    }
    List<Object> channels = em.createNativeQuery("UPDATE channel_mapping SET push_not_before = NULL"
            + " WHERE tenant_id = ? AND push_requested_at IS NOT NULL AND push_attempts > 0"
            + " AND (CAST(? AS uuid) IS NULL OR channel_id = CAST(? AS uuid)) RETURNING channel_id")
        .setParameter(1, tenantId).setParameter(2, channelId).setParameter(3, channelId).getResultList();
    channels.stream().map(c -> (UUID) c).distinct().forEach(c -> requests.wake(tenantId, c));
    return Map.of("replayed", channels.size());
  }
}
