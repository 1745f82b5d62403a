package io.stocksync.watcher;

import io.stocksync.platform.persistence.SqlTimes;
import io.stocksync.platform.problem.ProblemException;
import io.stocksync.platform.security.Roles;
import io.stocksync.tenant.TenantRepository;
import io.stocksync.tenant.TenantStatus;
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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Deliveries accepted while their tenant was paused, for operators. Resuming the tenant replays them; replaying
 * them by hand is for a tenant that is active again but whose replay was interrupted (a broker outage at resume).
 */
@Path("admin/parked-deliveries")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_ADMIN)
@RequestScoped
public class ParkedDeliveryResource {

  @PersistenceContext(unitName = "stocksync")
  EntityManager em;

  @Inject
  ParkedReplay replay;

  @Inject
  TenantRepository tenants;

  public record ParkedDelivery(long id, UUID channelId, String channelType, String topic, String eventKind,
      String requestId, OffsetDateTime receivedAt) {}

  @GET
  @Transactional
  @SuppressWarnings("unchecked")
  @Operation(summary = "A tenant's parked deliveries, in the order they will be replayed")
  public List<ParkedDelivery> list(@QueryParam("tenantId") @NotNull UUID tenantId,
      @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
    List<Object[]> rows = em.createNativeQuery("SELECT id, channel_id, channel_type, topic, event_kind, request_id,"
            + " received_at FROM webhook_delivery WHERE tenant_id = ? AND outcome = 'PARKED' ORDER BY id LIMIT ?")
        .setParameter(1, tenantId).setParameter(2, limit).getResultList();
    return rows.stream().map(r -> new ParkedDelivery(((Number) r[0]).longValue(), (UUID) r[1], (String) r[2],
        (String) r[3], (String) r[4], (String) r[5], SqlTimes.utc(r[6])))
        .toList();
  }

  @POST
  @Path("replay")
  @Operation(summary = "Replay an active tenant's parked deliveries now (409 while the tenant is paused)")
  public Map<String, Integer> replay(@QueryParam("tenantId") @NotNull UUID tenantId) {
    if (tenants.find(tenantId).map(t -> t.status() != TenantStatus.ACTIVE).orElse(true)) {
      throw ProblemException.conflict("tenant " + tenantId + " is not active: resume it, which replays its"
          + " parked deliveries");
    }
    return Map.of("replayed", replay.replay(tenantId, Instant.now()));
  }
}
