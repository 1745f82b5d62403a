package io.stocksync.alert.notify;

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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A tenant's alert notifications: where they go, the signing secret (generated here, shown once), and the recent
 * deliveries with every attempt. The notification URL itself is a tenant setting (notificationUrl).
 */
@Path("alerts/notifications")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.TENANT_USER, Roles.TENANT_ADMIN})
@RequestScoped
public class NotificationResource {

  private static final Set<String> STATUSES = Set.of("PENDING", "DELIVERED", "FAILED");

  @Inject
  NotificationLog log;

  @Inject
  NotificationSecrets secrets;

  @Inject
  Caller caller;

  @Inject
  AuditLog audit;

  @GET
  @Operation(summary = "The tenant's alert notifications, newest first, each with its attempts; filter status"
      + " (PENDING, DELIVERED, FAILED)")
  public Page<NotificationView> list(@QueryParam("status") String status, @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    String s = status == null ? null : status.toUpperCase(Locale.ROOT);
    if (s != null && !STATUSES.contains(s)) {
      throw ProblemException.badRequest("status must be PENDING, DELIVERED or FAILED");
    }
    var page = PageRequest.of(limit, cursor);
    return Page.of(log.list(caller.tenantId(), s, page), page, r -> Long.toString(r.key()),
        NotificationLog.Row::view);
  }

  @GET
  @Path("endpoint")
  @Operation(summary = "Where notifications go and whether a signing secret is set (the secret is never shown)")
  public NotificationEndpoint endpoint() {
    return secrets.endpoint(caller.tenantId());
  }

  @POST
  @Path("secret")
  @RolesAllowed(Roles.TENANT_ADMIN)
  @Transactional
  @Operation(summary = "Generate a new signing secret (whsec_...), replacing the previous one; the answer is the only"
      + " time it is shown")
  public Response rotateSecret() {
    UUID tenantId = caller.tenantId();
    var before = secrets.endpoint(tenantId);
    String secret = secrets.rotate(tenantId);
    audit.record(tenantId, "alert.notification-secret.rotate", "tenant", tenantId, before,
        new NotificationEndpoint(before.notificationUrl(), true));
    return Response.status(201).header("Cache-Control", "no-store").entity(Map.of("secret", secret)).build();
  }
}
