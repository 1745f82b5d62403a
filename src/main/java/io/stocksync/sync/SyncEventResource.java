package io.stocksync.sync;

import io.stocksync.catalog.ProductRepository;
import io.stocksync.platform.paging.Page;
import io.stocksync.platform.paging.PageRequest;
import io.stocksync.platform.persistence.SqlTimes;
import io.stocksync.platform.security.Caller;
import io.stocksync.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Every push attempt for a product, on every channel: what was sent, what came back, how long it took. */
@Path("products/{productId}/sync-events")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.TENANT_USER, Roles.TENANT_ADMIN})
@RequestScoped
public class SyncEventResource {

  @Inject
  ProductRepository products;

  @Inject
  Caller caller;

  @PersistenceContext(unitName = "stocksync")
  EntityManager em;

  public record SyncEventView(long id, UUID mappingId, UUID channelId, long level, String outcome, int attempt,
      Integer latencyMs, Integer httpStatus, String error, String requestId, OffsetDateTime createdAt) {}

  @GET
  @Transactional
  @Operation(summary = "The product's push attempts (sync events), newest first; outcome PUSHED, CONFLICT, FAILED"
      + " PARKED (the whole call failed and waits for its retry) or SKIPPED (not tried: the channel's breaker is open)")
  @SuppressWarnings("unchecked")
  public Page<SyncEventView> list(@PathParam("productId") UUID productId, @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    var page = PageRequest.of(limit, cursor);
    UUID tenantId = caller.tenantId();
    products.get(tenantId, productId);
    List<Object[]> rows = em.createNativeQuery("SELECT e.id, e.mapping_id, m.channel_id, e.level, e.outcome,"
            + " e.attempt, e.latency_ms, e.http_status, e.error, e.request_id, e.created_at FROM sync_event e"
            + " JOIN channel_mapping m ON m.id = e.mapping_id WHERE e.tenant_id = ? AND m.tenant_id = ?"
            + " AND m.product_id = ? AND e.id < ? ORDER BY e.id DESC LIMIT ?")
        .setParameter(1, tenantId).setParameter(2, tenantId).setParameter(3, productId)
        .setParameter(4, page.afterLong().orElse(Long.MAX_VALUE)).setParameter(5, page.fetchSize())
        .getResultList();
    return Page.of(rows, page, r -> r[0].toString(), SyncEventResource::view);
  }

  private static SyncEventView view(Object[] r) {
    return new SyncEventView(((Number) r[0]).longValue(), (UUID) r[1], (UUID) r[2], ((Number) r[3]).longValue(),
        (String) r[4], ((Number) r[5]).intValue(), integer(r[6]), integer(r[7]), (String) r[8], (String) r[9],
        SqlTimes.utc(r[10]));
  }

  private static Integer integer(Object o) {
    return o == null ? null : ((Number) o).intValue();
  }
}
