package io.stocksync.guardian;

import io.stocksync.platform.problem.ProblemException;
import io.stocksync.platform.security.Caller;
import io.stocksync.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Guardian runs of the caller's tenant: start one now, list recent ones with their summaries. A platform admin
 * names the tenant with ?tenantId=. Another tenant's run is not found (404).
 */
@Path("guardian/runs")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class GuardianResource {

  @Inject
  Caller caller;

  @Inject
  GuardianRuns runs;

  @Inject
  RunQueries queries;

  @Inject
  RunDispatcher dispatcher;

  @Inject
  TenantGate tenants;

  @POST
  @RolesAllowed({Roles.TENANT_ADMIN, Roles.PLATFORM_ADMIN})
  @Operation(summary = "Reconcile the tenant now (202 with the run; 409 if one is under way or the tenant is paused)")
  public Response start(@QueryParam("tenantId") UUID tenantId) {
    UUID tenant = tenant(tenantId);
    tenants.requireActive(tenant);
    UUID run = runs.claimNow(tenant, "API", caller.name())
        .orElseThrow(() -> ProblemException.conflict("a Guardian run of this tenant is under way"));
    dispatcher.submit(run, tenant);
    return Response.accepted(queries.get(tenant, run).orElseThrow()).build();
  }

  @GET
  @RolesAllowed({Roles.TENANT_USER, Roles.TENANT_ADMIN, Roles.PLATFORM_ADMIN})
  @Operation(summary = "Recent Guardian runs, newest first, with their summaries")
  public List<RunView> recent(@QueryParam("tenantId") UUID tenantId, @QueryParam("limit") Integer limit) {
    int n = limit == null ? 20 : limit;
    if (n < 1 || n > 200) {
      throw ProblemException.badRequest("limit must be 1..200");
    }
    return queries.recent(tenant(tenantId), n);
  }

  @GET
  @Path("{runId}")
  @RolesAllowed({Roles.TENANT_USER, Roles.TENANT_ADMIN, Roles.PLATFORM_ADMIN})
  @Operation(summary = "One Guardian run with its summary")
  public RunView get(@PathParam("runId") UUID runId, @QueryParam("tenantId") UUID tenantId) {
    UUID tenant = tenant(tenantId);
    return queries.get(tenant, runId).orElseThrow(() -> ProblemException.notFound("Guardian run", runId));
  }

  /** A tenant's caller acts on its own tenant only; a platform admin names one. */
  private UUID tenant(UUID requested) {
    if (caller.isPlatformAdmin()) {
      if (requested == null) {
        throw ProblemException.badRequest("a platform admin names the tenant with ?tenantId=");
      }
      tenants.requireExists(requested);
      return requested;
    }
    return caller.tenantId();
  }
}
