package io.stocksync.alert;

import io.stocksync.platform.audit.AuditLog;
import io.stocksync.platform.paging.Page;
import io.stocksync.platform.paging.PageRequest;
import io.stocksync.platform.problem.ProblemException;
import io.stocksync.platform.security.Caller;
import io.stocksync.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A tenant's alerts: newest first, filtered by type and status; acknowledged or resolved by a tenant admin. */
@Path("alerts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.TENANT_USER, Roles.TENANT_ADMIN})
@RequestScoped
public class AlertResource {

  @Inject
  AlertQueries queries;

  @Inject
  Caller caller;

  @Inject
  AuditLog audit;

  @GET
  @Operation(summary = "The tenant's alerts, newest first; filters type (LOW_STOCK, SYNC_FAILURE, CHANNEL_DOWN,"
      + " DRIFT) and status (OPEN, ACKNOWLEDGED, RESOLVED)")
  public Page<Alert> list(@QueryParam("type") String type, @QueryParam("status") String status,
      @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
    var page = PageRequest.of(limit, cursor);
    var rows = queries.list(caller.tenantId(), parse(AlertType.class, type, "type"), status(status), page);
    return Page.of(rows, page, AlertQueries::cursorOf, a -> a);
  }

  @GET
  @Path("{id}")
  public Alert get(@PathParam("id") UUID id) {
    return queries.find(caller.tenantId(), id).orElseThrow(() -> ProblemException.notFound("alert", id));
  }

  @POST
  @Path("{id}/acknowledge")
  @RolesAllowed(Roles.TENANT_ADMIN)
  @Transactional
  @Operation(summary = "Acknowledge an open alert (it stays until its condition clears or it is resolved)")
  public Alert acknowledge(@PathParam("id") UUID id) {
    return change(id, "OPEN", "ACKNOWLEDGED", "alert.acknowledge");
  }

  @POST
  @Path("{id}/resolve")
  @RolesAllowed(Roles.TENANT_ADMIN)
  @Transactional
  @Operation(summary = "Resolve an alert by hand (a condition still present raises a new one)")
  public Alert resolve(@PathParam("id") UUID id) {
    return change(id, null, "RESOLVED", "alert.resolve");
  }

  private Alert change(UUID id, String from, String to, String action) {
    UUID tenantId = caller.tenantId();
    var before = get(id);
    if ("RESOLVED".equals(before.status()) || from != null && !from.equals(before.status())) {
      throw ProblemException.conflict("alert " + id + " is " + before.status());
    }
    queries.setStatus(tenantId, id, to);
    var after = get(id);
    audit.record(tenantId, action, "alert", id, before, after);
    return after;
  }

  private static String status(String status) {
    if (status == null) {
      return null;
    }
    String s = status.toUpperCase(Locale.ROOT);
    if (!s.equals("OPEN") && !s.equals("ACKNOWLEDGED") && !s.equals("RESOLVED")) {
      throw ProblemException.badRequest("status must be OPEN, ACKNOWLEDGED or RESOLVED");
    }
    return s;
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value, String name) {
    try {
      return value == null ? null : Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest("unknown " + name + " " + value);
    }
  }
}
