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
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A tenant's alert notifications: where they go (set by the tenant's admin, within the tenant of the caller's token
 * only), the signing secret (generated here, shown once), and the recent deliveries with every attempt.
 */
@Path("alerts/notifications")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.TENANT_USER, Roles.TENANT_ADMIN})
@RequestScoped
@Transactional
public class NotificationResource {

  private static final long DEFAULT_GRACE_SECONDS = 86_400;
  private static final Set<String> STATUSES = Set.of("PENDING", "DELIVERED", "FAILED");

  @Inject
  NotificationLog log;

  @Inject
  NotificationEndpoints endpoints;

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
    return endpoints.endpoint(caller.tenantId());
  }

  @PUT
  @Path("endpoint")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.TENANT_ADMIN)
  @Operation(summary = "Point the tenant's alert notifications at an https URL on the public internet",
      description = "422 when the URL is not https (unless this server allows http), carries user info, or its host"
          + " resolves to a loopback, private, link-local, carrier-grade NAT, multicast or otherwise non-public"
          + " address. The host is checked again before every delivery.")
  public NotificationEndpoint pointAt(@Valid @NotNull NotificationUrlRequest request) {
    return changeUrl(request.url().strip());
  }

  @DELETE
  @Path("endpoint")
  @RolesAllowed(Roles.TENANT_ADMIN)
  @Operation(summary = "Stop sending alert notifications (clears the URL; the secret is kept)")
  public Response clear() {
    changeUrl(null);
    return Response.noContent().build();
  }

  @POST
  @Path("secret")
  @RolesAllowed(Roles.TENANT_ADMIN)
  @Operation(summary = "Generate a new signing secret (whsec_...); the answer is the only time it is shown",
      description = "The secret it replaces keeps signing notifications for graceSeconds (default one day, 0 to"
          + " drop it at once): webhook-signature then carries one signature per secret, space-separated, as"
          + " Standard Webhooks allows, so the receiver can switch secrets without losing a notification.")
  public Response rotateSecret(@QueryParam("graceSeconds") @Min(0) @Max(2_592_000) Integer graceSeconds) {
    UUID tenantId = caller.tenantId();
    var before = endpoints.endpoint(tenantId);
    String secret = endpoints.rotate(tenantId,
        Duration.ofSeconds(graceSeconds == null ? DEFAULT_GRACE_SECONDS : graceSeconds));
    var after = endpoints.endpoint(tenantId);
    audit.record(tenantId, "alert.notification-secret.rotate", "tenant", tenantId, before, after);
    var answer = new LinkedHashMap<String, Object>();
    answer.put("secret", secret);
    answer.put("previousSecretValidUntil", after.previousSecretValidUntil());
    return Response.status(201).header("Cache-Control", "no-store").entity(answer).build();
  }

  private NotificationEndpoint changeUrl(String url) {
    UUID tenantId = caller.tenantId();
    var before = endpoints.endpoint(tenantId);
    endpoints.pointAt(tenantId, url);
    var after = endpoints.endpoint(tenantId);
    audit.record(tenantId, "alert.notification-endpoint." + (url == null ? "clear" : "set"), "tenant", tenantId,
        before, after);
    return after;
  }
}
