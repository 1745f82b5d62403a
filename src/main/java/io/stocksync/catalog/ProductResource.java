package io.stocksync.catalog;

import io.stocksync.catalog.CatalogViews.MovementView;
import io.stocksync.catalog.CatalogViews.ProductStock;
import io.stocksync.catalog.CatalogViews.ProductView;
import io.stocksync.platform.paging.Page;
import io.stocksync.platform.paging.PageRequest;
import io.stocksync.platform.security.Caller;
import io.stocksync.platform.security.Roles;
import io.stocksync.tenant.TenantRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
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

@Path("products")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.TENANT_USER, Roles.TENANT_ADMIN})
public class ProductResource {

  @Inject
  CatalogService service;

  @Inject
  ProductRepository products;

  @Inject
  StockQueries stock;

  @Inject
  TenantRepository tenants;

  @Inject
  Caller caller;

  @POST
  @RolesAllowed(Roles.TENANT_ADMIN)
  @Operation(summary = "Create a product; an initial onHand is written to the ledger as a MANUAL movement")
  public Response create(@Valid @NotNull CatalogRequests.CreateProduct request, @Context UriInfo uri) {
    var view = service.createProduct(caller.tenantId(), request);
    return Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build()).entity(view).build();
  }

  @GET
  @Operation(summary = "List products in SKU order; filters: skuPrefix, lowStock, channelId")
  public Page<ProductView> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor,
      @QueryParam("skuPrefix") String skuPrefix, @QueryParam("lowStock") @DefaultValue("false") boolean lowStock,
      @QueryParam("channelId") UUID channelId) {
    var page = PageRequest.of(limit, cursor);
    UUID tenantId = caller.tenantId();
    int defaultLow = lowStock ? tenants.get(tenantId).settings().defaultLowStockThreshold() : 0;
    var rows = products.page(tenantId, page, new ProductFilter(skuPrefix, lowStock, channelId), defaultLow);
    return Page.of(rows, page, Product::sku, ProductView::of);
  }

  @GET
  @Path("{id}")
  public ProductView get(@PathParam("id") UUID id) {
    return ProductView.of(products.get(caller.tenantId(), id));
  }

  @GET
  @Path("by-sku/{sku}")
  public ProductView bySku(@PathParam("sku") String sku) {
    return ProductView.of(products.getBySku(caller.tenantId(), sku));
  }

  @PATCH
  @Path("{id}")
  @RolesAllowed(Roles.TENANT_ADMIN)
  @Operation(summary = "Change name or low-stock threshold (on-hand changes only through adjustments)")
  public ProductView update(@PathParam("id") UUID id, @Valid @NotNull CatalogRequests.UpdateProduct request) {
    return service.updateProduct(caller.tenantId(), id, request);
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed(Roles.TENANT_ADMIN)
  public Response delete(@PathParam("id") UUID id) {
    service.deleteProduct(caller.tenantId(), id);
    return Response.noContent().build();
  }

  @POST
  @Path("{id}/adjustments")
  @RolesAllowed(Roles.TENANT_ADMIN)
  @Operation(summary = "Adjust stock by a delta or to an absolute level; writes a MANUAL movement")
  public Response adjust(@PathParam("id") UUID id, @Valid @NotNull CatalogRequests.Adjustment request) {
    return Response.status(201).entity(service.adjust(caller.tenantId(), id, request)).build();
  }

  @GET
  @Path("{id}/movements")
  @Operation(summary = "The product's ledger, newest first")
  public Page<MovementView> movements(@PathParam("id") UUID id, @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    var page = PageRequest.of(limit, cursor);
    UUID tenantId = caller.tenantId();
    products.get(tenantId, id);
    return Page.of(products.movements(tenantId, id, page), page, m -> m.id().toString(), MovementView::of);
  }

  @GET
  @Path("{id}/stock")
  @Operation(summary = "Per channel: expected level, last pushed and last reported")
  public ProductStock stock(@PathParam("id") UUID id) {
    return stock.of(caller.tenantId(), id);
  }
}
