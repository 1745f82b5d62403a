package io.stocksync.deadletter;

import io.stocksync.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Operators' view of the dead-letter queue (platform admin only: messages of every tenant live there). */
@Path("admin/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_ADMIN)
@RequestScoped
public class DeadLetterResource {

  @Inject
  DeadLetters deadLetters;

  @GET
  @Operation(summary = "Dead-lettered messages, oldest first (browsed, not consumed)")
  public List<DeadLetter> list(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
      @QueryParam("tenantId") @Pattern(regexp = "[0-9a-fA-F-]{36}", message = "must be a tenant id")
          String tenantId) {
    return deadLetters.list(limit, tenantId);
  }

  @POST
  @Path("{messageId}/replay")
  @Operation(summary = "Move one dead letter back to the queue it came from (its consumer is idempotent)")
  public Map<String, String> replay(@PathParam("messageId") String messageId) {
    return Map.of("messageId", messageId, "replayedTo", deadLetters.replay(messageId));
  }
}
