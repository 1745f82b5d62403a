package io.stocksync.catalog;

import io.stocksync.catalog.CatalogViews.MappingView;
import io.stocksync.platform.paging.Page;
import io.stocksync.platform.paging.PageRequest;
import io.stocksync.platform.security.Caller;
import io.stocksync.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

@Path("mappings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.TENANT_USER, Roles.TENANT_ADMIN})
public class MappingResource {

  @Inject
  CatalogService service;

  @Inject
  MappingRepository mappings;

  @Inject
  Caller caller;

  @POST
  @RolesAllowed(Roles.TENANT_ADMIN)
  @Operation(summary = "Map a product to its id on a channel")
  public Response create(@Valid @NotNull CatalogRequests.CreateMapping request, @Context UriInfo uri) {
    var view = service.createMapping(caller.tenantId(), request);
    return Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build()).entity(view).build();
  }

  @GET
  @Operation(summary = "List mappings; filters: productId, channelId")
  public Page<MappingView> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor,
      @QueryParam("productId") UUID productId, @QueryParam("channelId") UUID channelId) {
    var page = PageRequest.of(limit, cursor);
    return Page.of(mappings.page(caller.tenantId(), page, productId, channelId), page, m -> m.id().toString(),
        MappingView::of);
  }

  @GET
  @Path("{id}")
  public MappingView get(@PathParam("id") UUID id) {
    return MappingView.of(mappings.get(caller.tenantId(), id));
  }

  @PUT
  @Path("{id}")
  @RolesAllowed(Roles.TENANT_ADMIN)
  public MappingView update(@PathParam("id") UUID id, @Valid @NotNull CatalogRequests.UpdateMapping request) {
    return service.updateMapping(caller.tenantId(), id, request);
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed(Roles.TENANT_ADMIN)
  public Response delete(@PathParam("id") UUID id) {
    service.deleteMapping(caller.tenantId(), id);
    return Response.noContent().build();
  }
}
