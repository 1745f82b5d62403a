package io.stocksync.sync;

import io.stocksync.channel.ChannelType;
import io.stocksync.platform.audit.AuditLog;
import io.stocksync.platform.persistence.SqlTimes;
import io.stocksync.platform.problem.ProblemException;
import io.stocksync.platform.security.Caller;
import io.stocksync.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Operators' kill switches: stop every push to one channel type (a vendor misbehaving) or of one tenant. Stock
 * keeps being applied; pushes stay flagged and flow again, with the then-current level, once the switch is lifted
 * (the retry scheduler picks them up within seconds).
 */
@Path("admin/kill-switches")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_ADMIN)
@RequestScoped
public class KillSwitchResource {

  @PersistenceContext(unitName = "stocksync")
  EntityManager em;

  @Inject
  Caller caller;

  @Inject
  AuditLog audit;

  public record KillSwitch(String scope, String target, String reason, String setBy, OffsetDateTime setAt) {}

  public record SetRequest(@Size(max = 500) String reason) {}

  @GET
  @Transactional
  @SuppressWarnings("unchecked")
  @Operation(summary = "The kill switches set now")
  public List<KillSwitch> list() {
    List<Object[]> rows = em.createNativeQuery("SELECT scope, target, reason, set_by, set_at FROM kill_switch"
        + " ORDER BY set_at").getResultList();
    return rows.stream().map(r -> new KillSwitch((String) r[0], (String) r[1], (String) r[2], (String) r[3],
        SqlTimes.utc(r[4]))).toList();
  }

  @PUT
  @Path("{scope}/{target}")
  @Transactional
  @Operation(summary = "Stop pushes: scope channel-type (target SHOPIFY, SQUARE, ...) or tenant (target its id)")
  public KillSwitch set(@PathParam("scope") String scope, @PathParam("target") String target,
      @Valid SetRequest request) {
    var key = key(scope, target);
    String reason = request == null ? null : request.reason();
    em.createNativeQuery("INSERT INTO kill_switch (scope, target, reason, set_by) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT (scope, target) DO UPDATE SET reason = EXCLUDED.reason")
        .setParameter(1, key[0]).setParameter(2, key[1]).setParameter(3, reason).setParameter(4, caller.name())
        .executeUpdate();
    audit.record(tenantOf(key), "kill-switch.set", "kill_switch", key[0] + ":" + key[1], null,
        Map.of("reason", reason == null ? "" : reason));
    return list().stream().filter(k -> k.scope().equals(key[0]) && k.target().equals(key[1])).findFirst()
        .orElseThrow();
  }

  @DELETE
  @Path("{scope}/{target}")
  @Transactional
  @Operation(summary = "Lift a kill switch: the parked pushes flow again within seconds")
  public Response lift(@PathParam("scope") String scope, @PathParam("target") String target) {
    var key = key(scope, target);
    int removed = em.createNativeQuery("DELETE FROM kill_switch WHERE scope = ? AND target = ?")
        .setParameter(1, key[0]).setParameter(2, key[1]).executeUpdate();
    if (removed == 0) {
      throw ProblemException.notFound("kill switch", scope + "/" + target);
    }
    audit.record(tenantOf(key), "kill-switch.lift", "kill_switch", key[0] + ":" + key[1], null, null);
    return Response.noContent().build();
  }

  private static String[] key(String scope, String target) {
    switch (scope.toLowerCase(Locale.ROOT)) {
      case "channel-type" -> {
        try {
          return new String[] {"CHANNEL_TYPE", ChannelType.valueOf(target.toUpperCase(Locale.ROOT)).name()};
        } catch (IllegalArgumentException e) {
          throw ProblemException.badRequest("unknown channel type " + target);
        }
      }
      case "tenant" -> {
        try {
          return new String[] {"TENANT", UUID.fromString(target).toString()};
        } catch (IllegalArgumentException e) {
          throw ProblemException.badRequest("not a tenant id: " + target);
        }
      }
      default -> throw ProblemException.badRequest("scope must be channel-type or tenant, not " + scope);
    }
  }

  private static UUID tenantOf(String[] key) {
    return "TENANT".equals(key[0]) ? UUID.fromString(key[1]) : null;
  }
}
