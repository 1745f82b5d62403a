package io.stocksync.intake;

import io.stocksync.platform.request.RequestId;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Where channels post their webhooks: one URL per channel. Answers as soon as the delivery is durably recorded;
 * processing happens behind the broker.
 */
@Path("webhooks/{channelId}")
@PermitAll
@ApplicationScoped // one instance: a per-request resource cost Weld 5 % of intake's CPU
public class WebhookResource {

  static final int MAX_BODY_BYTES = 1 << 20;

  @Inject
  WebhookIntake intake;

  @POST
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Receive a channel's webhook (vendor format chosen by the channel's type)",
      description = "200 accepted or duplicate; 400 malformed; 401 bad signature; 404 unknown channel; 413 too "
          + "large. Every delivery is recorded; only accepted ones are processed.")
  public Response receive(@PathParam("channelId") String channelId, @Context HttpHeaders headers,
      @Context UriInfo uri, InputStream body) throws IOException {
    byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
    var outcome = intake.receive(channelId, headers.getRequestHeaders(), bytes, bytes.length > MAX_BODY_BYTES,
        uri.getRequestUri().toString(), RequestId.current());
    return Response.ok(outcome.json()).build();
  }
}
