package io.stocksync.catalog.imports;

import io.stocksync.platform.paging.Page;
import io.stocksync.platform.paging.PageRequest;
import io.stocksync.platform.problem.ProblemException;
import io.stocksync.platform.security.Caller;
import io.stocksync.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Product imports of the caller's tenant: upload a CSV file, then follow its job and read each row's outcome. */
@Path("products/imports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.TENANT_USER, Roles.TENANT_ADMIN})
public class ProductImportResource {

  static final int MAX_BYTES = 16 * 1024 * 1024;
  private static final Set<String> OUTCOMES = Set.of("CREATED", "UPDATED", "UNCHANGED", "REJECTED");

  @Inject
  ImportRequests requests;

  @Inject
  ImportLauncher launcher;

  @Inject
  ImportStore store;

  @Inject
  Caller caller;

  @POST
  @Consumes("text/csv")
  @RolesAllowed(Roles.TENANT_ADMIN)
  @Operation(summary = "Import products from a CSV file (header: sku, and any of name, on_hand,"
      + " low_stock_threshold; other columns are ignored, so an export can be imported). Runs as the"
      + " product-import batch job: 202 with the import to follow. The whole file is refused (422) if it is not"
      + " CSV or has no sku column; a row that cannot be applied is rejected on its own")
  public Response upload(InputStream body, @Context UriInfo uri) throws IOException {
    UUID tenantId = caller.tenantId();
    byte[] content;
    int rows;
    try {
      content = ImportFile.readCapped(body, MAX_BYTES);
      rows = ImportFile.countRows(content);
    } catch (ImportTooLargeException e) {
      throw new ProblemException(413, "Content too large", e.getMessage());
    } catch (ImportFileException e) {
      throw ProblemException.unprocessable(e.getMessage());
    }
    UUID id = requests.accept(tenantId, content, rows);
    launcher.start(id, tenantId);
    return Response.accepted(get(id)).location(uri.getAbsolutePathBuilder().path(id.toString()).build()).build();
  }

  @GET
  @Operation(summary = "The tenant's imports, newest first, with their progress")
  public Page<ImportView> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
    var page = PageRequest.of(limit, cursor);
    return Page.of(store.page(caller.tenantId(), page), page, r -> r[13].toString(), ImportStore::view);
  }

  @GET
  @Path("{id}")
  @Operation(summary = "An import: its status and how many rows were created, updated, unchanged, rejected, pending")
  public ImportView get(@PathParam("id") UUID id) {
    return store.find(caller.tenantId(), id).orElseThrow(() -> ProblemException.notFound("import", id));
  }

  @GET
  @Path("{id}/rows")
  @Operation(summary = "An import's row outcomes in file order (row 1 is the header); filter outcome=REJECTED"
      + " lists what was not applied and why")
  public Page<ImportRowView> rows(@PathParam("id") UUID id, @QueryParam("outcome") String outcome,
      @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
    if (outcome != null && !OUTCOMES.contains(outcome)) {
      throw ProblemException.badRequest("outcome must be one of " + OUTCOMES);
    }
    get(id);
    var page = PageRequest.of(limit, cursor);
    return Page.of(store.rows(caller.tenantId(), id, outcome, page), page, r -> r[0].toString(),
        r -> new ImportRowView(((Number) r[0]).intValue(), (String) r[1], (String) r[2], (String) r[3]));
  }
}
