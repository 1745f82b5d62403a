package io.stocksync.platform.diagnostics;

import io.stocksync.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("admin/probes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class ProbeResource {

  @Inject
  ProbeSender sender;

  @Inject
  ProbeRecorder recorder;

  @POST
  @Operation(summary = "Send a probe through the broker to the database",
      description = "Poll the returned location until it answers 200. A poison probe never arrives: it is "
          + "redelivered, then moved to the dead-letter queue.")
  public Response send(@QueryParam("poison") @DefaultValue("false") boolean poison,
      @HeaderParam("X-Request-ID") String requestId, @Context UriInfo uri) {
    var probe = ProbeMessage.create(poison, requestId);
    sender.send(probe);
    return Response.accepted(Map.of("probeId", probe.probeId()))
        .location(uri.getAbsolutePathBuilder().path(probe.probeId().toString()).build())
        .build();
  }

  @GET
  @Path("{id}")
  @Operation(summary = "A probe that arrived")
  public DiagnosticProbe get(@PathParam("id") UUID id) {
    return recorder.find(id).orElseThrow(() -> new NotFoundException("probe " + id + " has not arrived"));
  }
}
