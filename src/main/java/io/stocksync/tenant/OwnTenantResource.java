package io.stocksync.tenant;

import io.stocksync.platform.security.Caller;
import io.stocksync.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A tenant's own view of itself: plan, limits and settings. */
@Path("tenant")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.TENANT_USER, Roles.TENANT_ADMIN})
public class OwnTenantResource {

  @Inject
  TenantRepository tenants;

  @Inject
  Caller caller;

  @GET
  @Operation(summary = "The caller's tenant")
  public TenantView get() {
    return TenantView.of(tenants.get(caller.tenantId()));
  }
}
