package io.stocksync.tenant;

import io.stocksync.platform.paging.Page;
import io.stocksync.platform.paging.PageRequest;
import io.stocksync.platform.request.RequestId;
import io.stocksync.platform.security.Caller;
import io.stocksync.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("tenants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class TenantResource {

  @Inject
  TenantService service;

  @Inject
  TenantRepository tenants;

  @Inject
  Caller caller;

  @Inject
  TenantDeletion deletion;

  @POST
  @Operation(summary = "Create a tenant (platform admin)")
  public Response create(@Valid @NotNull TenantRequests.Create request, @Context UriInfo uri) {
    var view = service.create(request);
    return Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build()).entity(view).build();
  }

  @GET
  @Operation(summary = "List tenants (platform admin); deleted ones only when asked by status")
  public Page<TenantView> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor,
      @QueryParam("status") TenantStatus status) {
    var page = PageRequest.of(limit, cursor);
    return Page.of(tenants.page(page, status), page, t -> t.id().toString(), TenantView::of);
  }

  @GET
  @Path("{id}")
  public TenantView get(@PathParam("id") UUID id) {
    return TenantView.of(tenants.get(id));
  }

  @PATCH
  @Path("{id}")
  @Operation(summary = "Change a tenant's name, tier or settings")
  public TenantView update(@PathParam("id") UUID id, @Valid @NotNull TenantRequests.Update request) {
    return service.update(id, request);
  }

  @POST
  @Path("{id}/pause")
  @Operation(summary = "Pause: webhooks are still accepted and parked, nothing is pushed")
  public TenantView pause(@PathParam("id") UUID id) {
    return service.pause(id);
  }

  @POST
  @Path("{id}/resume")
  public TenantView resume(@PathParam("id") UUID id) {
    return service.resume(id);
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Delete: mark the tenant DELETING and purge its data in batches (idempotent)",
      description = "202 with the tenant (DELETING) while the purge runs in the background; a repeated DELETE"
          + " answers 202 again and continues an interrupted purge; 204 once the tenant is DELETED.")
  public Response delete(@PathParam("id") UUID id) {
    var view = service.delete(id);
    if (view.status() == TenantStatus.DELETED) {
      return Response.noContent().build();
    }
    deletion.continueAsync(id, caller.name(), RequestId.current());
    return Response.accepted(view).build();
  }
}
