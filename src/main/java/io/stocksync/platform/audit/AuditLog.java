package io.stocksync.platform.audit;

import io.stocksync.platform.request.RequestId;
import io.stocksync.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** Appends audit entries. Mandatory transaction: an entry commits with its change or not at all. */
@ApplicationScoped
public class AuditLog {

  private static final Jsonb JSON = JsonbBuilder.create();

  @PersistenceContext(unitName = "stocksync")
  EntityManager em;

  @Inject
  Caller caller;

  @Transactional(Transactional.TxType.MANDATORY)
  public void record(UUID tenantId, String action, String entityType, Object entityId, Object before,
      Object after) {
    recordAs(caller.name(), RequestId.current(), tenantId, action, entityType, entityId, before, after);
  }

  /** For work that outlives its request (a background purge): the actor and request id are carried along. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void recordAs(String actor, String requestId, UUID tenantId, String action, String entityType,
      Object entityId, Object before, Object after) {
    em.createNativeQuery("INSERT INTO audit_entry (tenant_id, actor, action, entity_type, entity_id, before, after,"
            + " request_id) VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?)")
        .setParameter(1, tenantId)
        .setParameter(2, actor)
        .setParameter(3, action)
        .setParameter(4, entityType)
        .setParameter(5, entityId == null ? null : entityId.toString())
        .setParameter(6, before == null ? null : JSON.toJson(before))
        .setParameter(7, after == null ? null : JSON.toJson(after))
        .setParameter(8, requestId)
        .executeUpdate();
  }
}
