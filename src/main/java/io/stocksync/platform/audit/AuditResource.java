package io.stocksync.platform.audit;

import io.stocksync.platform.paging.Page;
import io.stocksync.platform.paging.PageRequest;
import io.stocksync.platform.security.Caller;
import io.stocksync.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.TENANT_ADMIN)
public class AuditResource {

  @PersistenceContext(unitName = "stocksync")
  EntityManager em;

  @Inject
  Caller caller;

  @GET
  @Operation(summary = "The tenant's audit trail, newest first")
  @SuppressWarnings("unchecked")
  public Page<AuditEntryView> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
    var page = PageRequest.of(limit, cursor);
    List<Object[]> rows = em.createNativeQuery("SELECT id, actor, action, entity_type, entity_id, before::text,"
            + " after::text, request_id, created_at FROM audit_entry WHERE tenant_id = ? AND id < ?"
            + " ORDER BY id DESC LIMIT ?")
        .setParameter(1, caller.tenantId())
        .setParameter(2, page.afterLong().orElse(Long.MAX_VALUE))
        .setParameter(3, page.fetchSize())
        .getResultList();
    return Page.of(rows, page, r -> r[0].toString(), r -> new AuditEntryView(((Number) r[0]).longValue(),
        (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5], (String) r[6], (String) r[7],
        ((java.sql.Timestamp) r[8]).toInstant()));
  }
}
