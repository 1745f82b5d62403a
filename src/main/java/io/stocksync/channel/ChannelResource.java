package io.stocksync.channel;

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

@Path("channels")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.TENANT_ADMIN)
public class ChannelResource {

  @Inject
  ChannelService service;

  @Inject
  ChannelRepository channels;

  @Inject
  Caller caller;

  @POST
  @Operation(summary = "Connect a channel; credentials and webhook secret are stored encrypted, never returned")
  public Response create(@Valid @NotNull ChannelRequests.Create request, @Context UriInfo uri) {
    var view = service.create(caller.tenantId(), request);
    return Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build()).entity(view).build();
  }

  @GET
  @RolesAllowed({Roles.TENANT_USER, Roles.TENANT_ADMIN})
  public Page<ChannelView> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor,
      @QueryParam("type") ChannelType type) {
    var page = PageRequest.of(limit, cursor);
    return Page.of(channels.page(caller.tenantId(), page, type), page, c -> c.id().toString(), ChannelView::of);
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Roles.TENANT_USER, Roles.TENANT_ADMIN})
  public ChannelView get(@PathParam("id") UUID id) {
    return ChannelView.of(channels.get(caller.tenantId(), id));
  }

  @PATCH
  @Path("{id}")
  public ChannelView update(@PathParam("id") UUID id, @Valid @NotNull ChannelRequests.Update request) {
    return service.update(caller.tenantId(), id, request);
  }

  @POST
  @Path("{id}/webhook-secret")
  @Operation(summary = "Rotate the webhook secret; the previous one stays valid for graceSeconds")
  public ChannelView rotateSecret(@PathParam("id") UUID id, @Valid @NotNull ChannelRequests.RotateSecret request) {
    return service.rotateWebhookSecret(caller.tenantId(), id, request);
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") UUID id) {
    service.delete(caller.tenantId(), id);
    return Response.noContent().build();
  }
}
