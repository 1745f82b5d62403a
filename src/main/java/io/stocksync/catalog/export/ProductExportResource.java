package io.stocksync.catalog.export;

import io.stocksync.platform.security.Caller;
import io.stocksync.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("products/export.csv")
@RolesAllowed({Roles.TENANT_USER, Roles.TENANT_ADMIN})
public class ProductExportResource {

  static final String MEDIA_TYPE = "text/csv; charset=UTF-8";

  @Inject
  ProductExportQuery query;

  @Inject
  Caller caller;

  @GET
  @Produces(MEDIA_TYPE)
  @Operation(summary = "Every product in SKU order with, per channel, expected level, last pushed and last reported,"
      + " as CSV (streamed)")
  public Response export() {
    // Resolve the tenant here, not in the body: a token without one must get its 403 before a 200 goes out.
    UUID tenantId = caller.tenantId();
    StreamingOutput body = out -> {
      try {
        query.export(tenantId, new ProductCsvWriter(out));
      } catch (SQLException e) {
        // Before the first bytes this still becomes a 500 problem; after them the client sees a cut-off file.
        throw new IllegalStateException("product export failed", e);
      }
    };
    String filename = "products-" + LocalDate.now(ZoneOffset.UTC) + ".csv";
    return Response.ok(body, MEDIA_TYPE)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
        .build();
  }
}
